// The MySQL/MariaDB driver plugin: URL schemes "mysql" and "mariadb" (with any +driver
// suffix, e.g. mysql+pymysql), sessions through libmariadb.
#include <mysql.h>

#include "mysql/mysql_dialect.hpp"
#include "mysql_connect_options.hpp"
#include "mysql_connection.hpp"
#include "sdm/driver.hpp"

namespace sdm::mysql {
namespace {

class MysqlDriver : public Driver {
 public:
  const Dialect& dialect() const override { return dialect_; }

  std::unique_ptr<Connection> connect(const Url& url) override {
    return std::make_unique<MysqlConnection>(connect_options(url));
  }

  void check_url(const Url& url) const override {
    connect_options(url);  // throws for an unusable parameter
    if (url.database.empty())
      throw Error(
          "a MySQL/MariaDB URL must name the database after the host, e.g. "
          "mysql+pymysql://sahara:PASSWORD@localhost/sahara");
  }

  std::vector<std::string> secret_parameters() const override { return {"passwd"}; }

  std::unique_ptr<Connection> connect_with_limits(const Url& url,
                                                  const SessionLimits& limits) override {
    MysqlConnectOptions options = connect_options(url);
    options.limits = limits;
    return std::make_unique<MysqlConnection>(std::move(options));
  }

 private:
  MysqlDialect dialect_;
};

// libmariadb's global state, set up once before any session exists.
void init_client_library() {
  if (mysql_library_init(0, nullptr, nullptr) != 0)
    throw Error("MySQL client library failed to initialise");
}

}  // namespace
}  // namespace sdm::mysql

SDM_DRIVER_PLUGIN_WITH_INIT("mysql", "mysql,mariadb", sdm::mysql::MysqlDriver,
                            sdm::mysql::init_client_library)
