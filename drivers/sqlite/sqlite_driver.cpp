// The SQLite driver plugin: URL scheme "sqlite", Poco::Data's SQLite connector.
#include <Poco/Data/SQLite/Connector.h>

#include "sdm/driver.hpp"
#include "sqlite_connection.hpp"
#include "sqlite_dialect.hpp"

namespace sdm::sqlite {
namespace {

class SqliteDriver : public Driver {
 public:
  const Dialect& dialect() const override { return dialect_; }

  /// sqlite:///relative.db, sqlite:////absolute.db, sqlite:// (memory).
  std::unique_ptr<Connection> connect(const Url& url) override {
    std::string path = url.database.empty() ? ":memory:" : url.database;
    return std::make_unique<SqliteConnection>(path);
  }

 private:
  SqliteDialect dialect_;
};

void register_connector() {
  Poco::Data::SQLite::Connector::registerConnector();
}

}  // namespace
}  // namespace sdm::sqlite

SDM_DRIVER_PLUGIN_WITH_INIT("sqlite", "sqlite", sdm::sqlite::SqliteDriver,
                            sdm::sqlite::register_connector)
