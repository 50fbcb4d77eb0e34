// The PostgreSQL driver plugin: URL schemes postgresql and postgresql+psycopg2 (the scheme is
// the part before '+'), Poco::Data's PostgreSQL connector.
#include <Poco/Data/PostgreSQL/Connector.h>

#include "postgresql/connection_options.hpp"
#include "postgresql/postgresql_dialect.hpp"
#include "postgresql_connection.hpp"
#include "sdm/driver.hpp"

namespace sdm::postgresql {
namespace {

class PostgresqlDriver : public Driver {
 public:
  const Dialect& dialect() const override { return dialect_; }

  /// postgresql[+psycopg2]://user:password@host:port/database?sslmode=...&host=/socket/dir
  std::unique_ptr<Connection> connect(const Url& url) override {
    return std::make_unique<PostgresqlConnection>(connection_options(url));
  }

 private:
  PostgresqlDialect dialect_;
};

void register_connector() {
  Poco::Data::PostgreSQL::Connector::registerConnector();
}

}  // namespace
}  // namespace sdm::postgresql

SDM_DRIVER_PLUGIN_WITH_INIT("postgresql", "postgresql", sdm::postgresql::PostgresqlDriver,
                            sdm::postgresql::register_connector)
