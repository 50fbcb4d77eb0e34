#include "runtime/dialect_handle.hpp"

#include "common/errors.hpp"

namespace sdm::runtime {

DialectHandle::DialectHandle(const abi::Dialect& dialect) : dialect_(dialect) {
  std::string error;
  if (!dialect_.describe(name_, traits_, error))
    throw PluginError("the driver's dialect cannot describe itself: " + error);
}

std::vector<std::string> DialectHandle::render(const Op& op, const SchemaLookup& schema) const {
  std::vector<std::string> statements;
  std::string error;
  if (!dialect_.render(op, schema, statements, error))
    throw DatabaseError(name_ + " cannot render " + describe(op) + ": " + error);
  return statements;
}

std::string DialectHandle::quote(const std::string& identifier) const {
  std::string out, error;
  if (!dialect_.quote(identifier, out, error))
    throw DatabaseError(name_ + " cannot quote '" + identifier + "': " + error);
  return out;
}

std::string DialectHandle::render_type(const Type& type) const {
  std::string out, error;
  if (!dialect_.render_type(type, out, error))
    throw DatabaseError(name_ + " cannot render a column type: " + error);
  return out;
}

std::string DialectHandle::version_sql(VersionStatement which, const std::string& table,
                                       const std::string& a, const std::string& b) const {
  std::string out, error;
  if (!dialect_.version_sql(which, table, a, b, out, error))
    throw DatabaseError(name_ + " cannot render a version-table statement: " + error);
  return out;
}

std::string DialectHandle::data_check(DataCheck which, const std::string& table,
                                      const std::string& column, long long limit) const {
  std::string out, error;
  if (!dialect_.data_check(which, table, column, limit, out, error))
    throw DatabaseError(name_ + " cannot render a data check: " + error);
  return out;
}

}  // namespace sdm::runtime
