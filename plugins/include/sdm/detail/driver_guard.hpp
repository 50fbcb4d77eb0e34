// The exception-free face of a driver that the host calls, and the adapters (compiled into
// the plugin) that wrap a driver author's throwing classes into it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sdm/connection.hpp"
#include "sdm/detail/guard.hpp"
#include "sdm/dialect.hpp"
#include "sdm/url.hpp"

namespace sdm {

class Driver;

/// Version-table and transaction statements a dialect renders.
enum class VersionStatement : std::uint32_t {
  CreateTable,    ///< (table)
  Insert,         ///< (table, revision) online
  InsertOffline,  ///< (table, revision) offline form
  Update,         ///< (table, from, to)
  Delete,         ///< (table, revision)
  DropTable,      ///< (table)
  Select,         ///< (table) every version row
  Begin,
  Commit,
};

namespace abi {

/// Every call returns false and fills `error` instead of throwing.
class Dialect {
 public:
  virtual ~Dialect() = default;
  virtual bool describe(std::string& name, DialectTraits& traits,
                        std::string& error) const noexcept = 0;
  virtual bool render(const Op& op, const SchemaLookup& schema, std::vector<std::string>& out,
                      std::string& error) const noexcept = 0;
  virtual bool quote(const std::string& identifier, std::string& out,
                     std::string& error) const noexcept = 0;
  virtual bool render_type(const Type& type, std::string& out,
                           std::string& error) const noexcept = 0;
  virtual bool version_sql(VersionStatement which, const std::string& table, const std::string& a,
                           const std::string& b, std::string& out,
                           std::string& error) const noexcept = 0;
  virtual bool data_check(DataCheck which, const std::string& table, const std::string& column,
                          long long limit, std::string& out, std::string& error) const noexcept = 0;
};

/// Every call returns false and fills `error` instead of throwing.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual bool execute(const std::string& sql, std::int64_t& affected,
                       std::string& error) noexcept = 0;
  virtual bool query(const std::string& sql, Rows& rows, std::string& error) noexcept = 0;
  virtual bool execute_bound(const std::string& sql, const std::vector<Value>& values,
                             std::int64_t& affected, std::string& error) noexcept = 0;
  virtual bool query_bound(const std::string& sql, const std::vector<Value>& values, Rows& rows,
                           std::string& error) noexcept = 0;
  virtual bool begin(std::string& error) noexcept = 0;
  virtual bool commit(std::string& error) noexcept = 0;
  virtual bool rollback(std::string& error) noexcept = 0;
  virtual bool try_lock(const std::string& key, bool& taken, std::string& error) noexcept = 0;
  virtual bool unlock(const std::string& key, std::string& error) noexcept = 0;
  virtual bool lock_holder(const std::string& key, std::string& holder,
                           std::string& error) noexcept = 0;
  virtual bool table_names(std::vector<std::string>& names, std::string& error) noexcept = 0;
  virtual bool reflect_table(const std::string& name, std::optional<Table>& table,
                             std::string& error) noexcept = 0;
  virtual bool check_health(Access access, std::vector<HealthFinding>& findings,
                            std::string& error) noexcept = 0;
};

/// Every call returns nullptr/false and fills `error` instead of throwing.
class Driver {
 public:
  virtual ~Driver() = default;
  virtual const Dialect& dialect() const noexcept = 0;
  virtual Connection* connect(const Url& url, const SessionLimits& limits,
                              std::string& error) noexcept = 0;
  virtual bool check_url(const Url& url, std::string& error) const noexcept = 0;
  virtual bool secret_parameters(std::vector<std::string>& names,
                                 std::string& error) const noexcept = 0;
};

}  // namespace abi

namespace detail {

class GuardedDialect final : public abi::Dialect {
 public:
  explicit GuardedDialect(const sdm::Dialect& impl) : impl_(impl) {}
  bool describe(std::string& name, DialectTraits& traits,
                std::string& error) const noexcept override {
    return guarded(error, [&] {
      name = impl_.name();
      traits = impl_.traits();
    });
  }
  bool render(const Op& op, const SchemaLookup& schema, std::vector<std::string>& out,
              std::string& error) const noexcept override {
    return guarded(error, [&] { out = impl_.render(op, schema); });
  }
  bool quote(const std::string& identifier, std::string& out,
             std::string& error) const noexcept override {
    return guarded(error, [&] { out = impl_.quote(identifier); });
  }
  bool render_type(const Type& type, std::string& out, std::string& error) const noexcept override {
    return guarded(error, [&] { out = impl_.render_type(type); });
  }
  bool version_sql(VersionStatement which, const std::string& table, const std::string& a,
                   const std::string& b, std::string& out,
                   std::string& error) const noexcept override {
    return guarded(error, [&] {
      switch (which) {
        case VersionStatement::CreateTable:
          out = impl_.create_version_table(table);
          break;
        case VersionStatement::Insert:
          out = impl_.insert_version(table, a, false);
          break;
        case VersionStatement::InsertOffline:
          out = impl_.insert_version(table, a, true);
          break;
        case VersionStatement::Update:
          out = impl_.update_version(table, a, b);
          break;
        case VersionStatement::Delete:
          out = impl_.delete_version(table, a);
          break;
        case VersionStatement::DropTable:
          out = impl_.drop_version_table(table);
          break;
        case VersionStatement::Select:
          out = impl_.select_versions(table);
          break;
        case VersionStatement::Begin:
          out = impl_.begin_statement();
          break;
        case VersionStatement::Commit:
          out = impl_.commit_statement();
          break;
      }
    });
  }

  bool data_check(DataCheck which, const std::string& table, const std::string& column,
                  long long limit, std::string& out, std::string& error) const noexcept override {
    return guarded(error, [&] { out = impl_.data_check(which, table, column, limit); });
  }

 private:
  const sdm::Dialect& impl_;
};

class GuardedConnection final : public abi::Connection {
 public:
  explicit GuardedConnection(std::unique_ptr<sdm::Connection> impl) : impl_(std::move(impl)) {}
  bool execute(const std::string& sql, std::int64_t& affected,
               std::string& error) noexcept override {
    return guarded(error, [&] { affected = impl_->execute(sql); });
  }
  bool query(const std::string& sql, Rows& rows, std::string& error) noexcept override {
    return guarded(error, [&] { rows = impl_->query(sql); });
  }
  bool execute_bound(const std::string& sql, const std::vector<Value>& values,
                     std::int64_t& affected, std::string& error) noexcept override {
    return guarded(error, [&] { affected = impl_->execute_bound(sql, values); });
  }
  bool query_bound(const std::string& sql, const std::vector<Value>& values, Rows& rows,
                   std::string& error) noexcept override {
    return guarded(error, [&] { rows = impl_->query_bound(sql, values); });
  }
  bool begin(std::string& error) noexcept override {
    return guarded(error, [&] { impl_->begin(); });
  }
  bool commit(std::string& error) noexcept override {
    return guarded(error, [&] { impl_->commit(); });
  }
  bool rollback(std::string& error) noexcept override {
    return guarded(error, [&] { impl_->rollback(); });
  }
  bool try_lock(const std::string& key, bool& taken, std::string& error) noexcept override {
    return guarded(error, [&] { taken = impl_->try_lock(key); });
  }
  bool unlock(const std::string& key, std::string& error) noexcept override {
    return guarded(error, [&] { impl_->unlock(key); });
  }
  bool lock_holder(const std::string& key, std::string& holder,
                   std::string& error) noexcept override {
    return guarded(error, [&] { holder = impl_->lock_holder(key); });
  }
  bool table_names(std::vector<std::string>& names, std::string& error) noexcept override {
    return guarded(error, [&] { names = impl_->table_names(); });
  }
  bool reflect_table(const std::string& name, std::optional<Table>& table,
                     std::string& error) noexcept override {
    return guarded(error, [&] { table = impl_->reflect_table(name); });
  }
  bool check_health(Access access, std::vector<HealthFinding>& findings,
                    std::string& error) noexcept override {
    return guarded(error, [&] { findings = impl_->check_health(access); });
  }

 private:
  std::unique_ptr<sdm::Connection> impl_;
};

template <class DriverImpl>
class GuardedDriverT final : public abi::Driver {
 public:
  explicit GuardedDriverT(std::unique_ptr<DriverImpl> impl)
      : impl_(std::move(impl)), dialect_(impl_->dialect()) {}
  const abi::Dialect& dialect() const noexcept override { return dialect_; }
  abi::Connection* connect(const Url& url, const SessionLimits& limits,
                           std::string& error) noexcept override {
    abi::Connection* made = nullptr;
    guarded(error, [&] { made = new GuardedConnection(impl_->connect_with_limits(url, limits)); });
    return made;
  }
  bool check_url(const Url& url, std::string& error) const noexcept override {
    return guarded(error, [&] { impl_->check_url(url); });
  }
  bool secret_parameters(std::vector<std::string>& names,
                         std::string& error) const noexcept override {
    return guarded(error, [&] { names = impl_->secret_parameters(); });
  }

 private:
  std::unique_ptr<DriverImpl> impl_;
  GuardedDialect dialect_;
};

/// Wraps any sdm::Driver subclass.
template <class DriverImpl>
GuardedDriverT<DriverImpl>* make_guarded_driver(std::unique_ptr<DriverImpl> impl) {
  return new GuardedDriverT<DriverImpl>(std::move(impl));
}

}  // namespace detail
}  // namespace sdm
