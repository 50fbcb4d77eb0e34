// The PostgreSQL driver plugin: URL schemes postgresql and postgresql+psycopg2 (the scheme is
// the part before '+'), on libpq.
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

  /// What would only fail once connecting: a parameter libpq cannot take, a connect_timeout
  /// that is no number of seconds.
  void check_url(const Url& url) const override {
    check_connection_options(connection_options(url));
  }

  std::vector<std::string> secret_parameters() const override { return {"sslpassword"}; }

  std::unique_ptr<Connection> connect_with_limits(const Url& url,
                                                  const SessionLimits& limits) override {
    ConnectionOptions options = connection_options(url);
    options.limits = limits;
    return std::make_unique<PostgresqlConnection>(std::move(options));
  }

 private:
  PostgresqlDialect dialect_;
};

}  // namespace
}  // namespace sdm::postgresql

SDM_DRIVER_PLUGIN("postgresql", "postgresql", sdm::postgresql::PostgresqlDriver)
