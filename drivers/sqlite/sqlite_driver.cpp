// The SQLite driver plugin: URL scheme "sqlite", on SQLite's own C interface.
#include <filesystem>

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
    return connect_with_limits(url, {});
  }

  std::unique_ptr<Connection> connect_with_limits(const Url& url,
                                                  const SessionLimits& limits) override {
    std::string path = url.database.empty() ? ":memory:" : url.database;
    return std::make_unique<SqliteConnection>(path, limits);
  }

  /// The database file's directory must exist, and the path must not name a directory:
  /// SQLite would only say "unable to open database file".
  void check_url(const Url& url) const override {
    if (url.database.empty()) return;
    namespace fs = std::filesystem;
    const fs::path path = fs::absolute(url.database).lexically_normal();
    std::error_code ec;
    if (fs::is_directory(path, ec))
      throw Error("the SQLite database " + path.string() +
                  " is a directory: name a file in it, e.g. sqlite:///" +
                  (path / "sahara.sqlite").string());
    const fs::path dir = path.parent_path();
    const fs::file_status status = fs::status(dir, ec);
    if (status.type() == fs::file_type::not_found)
      throw Error("the directory " + dir.string() + " of the SQLite database " + path.string() +
                  " does not exist: create it, or correct the URL");
    if (!ec && status.type() != fs::file_type::directory)
      throw Error(dir.string() + ", where the SQLite database " + path.string() +
                  " would be, is not a directory");
  }

 private:
  SqliteDialect dialect_;
};

}  // namespace
}  // namespace sdm::sqlite

SDM_DRIVER_PLUGIN("sqlite", "sqlite", sdm::sqlite::SqliteDriver)
