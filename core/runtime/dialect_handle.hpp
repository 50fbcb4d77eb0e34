// The host's view of a driver's dialect: the plugin's exception-free calls turned back into
// exceptions the host understands.
#pragma once

#include <string>
#include <vector>

#include "sdm/detail/driver_guard.hpp"

namespace sdm::runtime {

/// A dialect loaded from a driver plugin. Failures throw sdm::DatabaseError.
class DialectHandle {
 public:
  explicit DialectHandle(const abi::Dialect& dialect);

  const std::string& name() const { return name_; }
  const DialectTraits& traits() const { return traits_; }

  /// The statements that perform `op`; throws DatabaseError naming the dialect and the op.
  std::vector<std::string> render(const Op& op, const SchemaLookup& schema) const;
  std::string quote(const std::string& identifier) const;
  std::string render_type(const Type& type) const;
  /// A version-table or transaction statement (see sdm::VersionStatement).
  std::string version_sql(VersionStatement which, const std::string& table,
                          const std::string& a = {}, const std::string& b = {}) const;
  /// A query counting the rows a DataCheck asks about.
  std::string data_check(DataCheck which, const std::string& table, const std::string& column = {},
                         long long limit = 0) const;

 private:
  const abi::Dialect& dialect_;
  std::string name_;
  DialectTraits traits_;
};

}  // namespace sdm::runtime
