// Code steps: C++ a revision runs at its point of the upgrade or downgrade (Operations::run),
// with a session on the database that queries and executes inside the revision's transaction.
//
//   op.run("copy names into labels", [](sdm::Session& db) {
//     for (const auto& row : db.query("SELECT id, name FROM clusters"))
//       db.execute("UPDATE clusters SET label = ? WHERE id = ?", {*row[1], *row[0]});
//   }).offline("UPDATE clusters SET label = name");
//
// Values are bound to `?` placeholders by the driver, never spliced into the text by the
// revision. No exception crosses the plugin boundary: the host's session reports failures as
// text, which the step's Session throws as sdm::Error inside the plugin, and the step's own
// failure goes back to the host as text.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sdm/connection.hpp"
#include "sdm/detail/guard.hpp"
#include "sdm/ops.hpp"

namespace sdm {

namespace abi {

/// The host's session, as a code step reaches it. Every call returns false and fills `error`.
class Session {
 public:
  virtual bool execute(const std::string& sql, const std::vector<Value>& values,
                       std::int64_t& affected, std::string& error) noexcept = 0;
  virtual bool query(const std::string& sql, const std::vector<Value>& values, Rows& rows,
                     std::string& error) noexcept = 0;

 protected:
  ~Session() = default;
};

/// A recorded code step, as the host runs it.
class CodeStep {
 public:
  virtual ~CodeStep() = default;
  /// Runs the step on `session` for the dialect named `dialect`; false with `error` filled
  /// when it failed.
  virtual bool run(Session& session, const std::string& dialect,
                   std::string& error) const noexcept = 0;
};

}  // namespace abi

/// What a code step works with: the run's own session, so what it reads includes what the
/// revision's earlier ops did, and what it writes commits (or rolls back) with them.
class Session {
 public:
  Session(abi::Session& host, std::string dialect) : host_(host), dialect_(std::move(dialect)) {}

  /// The dialect's name: "sqlite", "postgresql", "mysql", or a vendor's.
  const std::string& dialect() const { return dialect_; }

  /// Runs a statement with its `?` placeholders bound to `values`, in order; returns the
  /// number of rows it changed (-1 when the database does not say).
  std::int64_t execute(const std::string& sql, const std::vector<Value>& values = {}) {
    std::int64_t affected = -1;
    std::string error;
    if (!host_.execute(sql, values, affected, error)) fail(error);
    return affected;
  }

  /// Runs a query with its `?` placeholders bound to `values`; every value comes back as the
  /// database's text, NULL as std::nullopt.
  Rows query(const std::string& sql, const std::vector<Value>& values = {}) {
    Rows rows;
    std::string error;
    if (!host_.query(sql, values, rows, error)) fail(error);
    return rows;
  }

  /// The first column of the first row, or std::nullopt when there is no row or it is NULL.
  std::optional<std::string> query_value(const std::string& sql,
                                         const std::vector<Value>& values = {}) {
    Rows rows = query(sql, values);
    if (rows.empty() || rows.front().empty()) return std::nullopt;
    return rows.front().front();
  }

 private:
  [[noreturn]] static void fail(const std::string& text) {
    auto [kind, message] = detail::decode_failure(text);
    throw Error(message, kind);
  }

  abi::Session& host_;
  std::string dialect_;
};

namespace detail {

/// A code step around the revision's function; it runs inside the plugin.
class FunctionCodeStep final : public abi::CodeStep {
 public:
  explicit FunctionCodeStep(std::function<void(Session&)> code) : code_(std::move(code)) {}
  bool run(abi::Session& session, const std::string& dialect,
           std::string& error) const noexcept override {
    return guarded(error, [&] {
      Session wrapped(session, dialect);
      code_(wrapped);
    });
  }

 private:
  std::function<void(Session&)> code_;
};

}  // namespace detail
}  // namespace sdm
