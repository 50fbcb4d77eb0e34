// The mylite driver plugin: SQLite's SQL under the URL scheme mylite://.
//
// The dialect is the SDK's: sqlite_spec() (types, quoting, rowid keys, and the two facts the
// host needs around a table rebuild: how to turn foreign keys off, which names are the engine's
// own) under mylite's name, rendering like sqlite so that revisions' SQL for sqlite runs here,
// and TableRebuildDialect for what SQLite's ALTER TABLE cannot do.
#include <sdm/driver.hpp>
#include <sdm/sqlite_spec.hpp>
#include <sdm/table_rebuild.hpp>

#include "mylite_connection.hpp"

namespace mylite {
namespace {

sdm::SqlDialectSpec mylite_spec() {
  sdm::SqlDialectSpec spec = sdm::sqlite_spec();
  spec.name = "mylite";
  spec.traits.renders_like = "sqlite";
  spec.traits.alembic_impl_name = "MyliteImpl";
  return spec;
}

class Driver : public sdm::Driver {
 public:
  const sdm::Dialect& dialect() const override { return dialect_; }

  /// mylite:///relative.db or mylite:////absolute/path.db
  std::unique_ptr<sdm::Connection> connect(const sdm::Url& url) override {
    if (url.database.empty())
      throw sdm::Error("mylite: the URL names no database file (mylite:///path/to/file.db)");
    return std::make_unique<Connection>(url.database);
  }

 private:
  sdm::TableRebuildDialect dialect_{mylite_spec()};
};

}  // namespace
}  // namespace mylite

SDM_DRIVER_PLUGIN("mylite", "mylite", mylite::Driver)
