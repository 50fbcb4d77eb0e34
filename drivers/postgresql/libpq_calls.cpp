#include "libpq_calls.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>
#include <chrono>
#include <memory>
#include <optional>

#include "sdm/error.hpp"

namespace sdm::postgresql {
namespace {

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

/// What a failed result means to the host: SQLSTATE 57014 is a cancelled statement (the
/// statement timeout), 55P03 a lock not granted in time, class 08 and 57P0x a lost server.
ErrorKind kind_of(PGconn* connection, const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  if (code == "57014") return ErrorKind::StatementTimeout;
  if (code == "55P03") return ErrorKind::LockWaitTimeout;
  if (code.compare(0, 2, "08") == 0 || code.compare(0, 4, "57P0") == 0 ||
      PQstatus(connection) == CONNECTION_BAD)
    return ErrorKind::ConnectionLost;
  return ErrorKind::General;
}

/// The error for a failed result.
Error failure_of(PGconn* connection, const PGresult* result) {
  std::string message = result ? one_line_error(PQresultErrorMessage(result)) : "";
  if (message.empty()) message = last_error(connection);
  return Error(message.empty() ? "the server gave no result" : message,
               kind_of(connection, result));
}

/// The rows of a successful result; throws for a failed one.
Rows rows_of(PGconn* connection, const PGresult* result) {
  switch (PQresultStatus(result)) {
    case PGRES_TUPLES_OK:
    case PGRES_SINGLE_TUPLE:
      break;
    case PGRES_COMMAND_OK:
    case PGRES_EMPTY_QUERY:
      return {};
    default:
      throw failure_of(connection, result);
  }
  Rows rows;
  const int row_count = PQntuples(result), column_count = PQnfields(result);
  rows.reserve(static_cast<std::size_t>(row_count));
  for (int r = 0; r < row_count; ++r) {
    Row row;
    row.reserve(static_cast<std::size_t>(column_count));
    for (int c = 0; c < column_count; ++c) {
      if (PQgetisnull(result, r, c))
        row.emplace_back(std::nullopt);
      else
        row.emplace_back(std::string(PQgetvalue(result, r, c),
                                     static_cast<std::size_t>(PQgetlength(result, r, c))));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::int64_t changed_rows(const PGresult* result) {
  const char* count = PQcmdTuples(const_cast<PGresult*>(result));
  return count != nullptr && *count != '\0' ? std::stoll(count) : 0;
}

/// "ERROR:  text" -> "text"; false when the line does not start with a severity.
bool strip_severity(const std::string& line, std::string& rest) {
  for (const std::string severity : {"ERROR:", "FATAL:", "PANIC:"}) {
    if (starts_with(line, severity)) {
      rest = trimmed(line.substr(severity.size()));
      return true;
    }
  }
  return false;
}

void ignore_notice(void*, const char*) {}

using Clock = std::chrono::steady_clock;

/// Waits for a query's answer without blocking in libpq, so a server that stops answering
/// cannot hold the caller past the link's bound.
class AnswerWait {
 public:
  explicit AnswerWait(Link link)
      : link_(link), deadline_(Clock::now() + std::chrono::milliseconds(link.wait_ms)) {}

  /// Sends what libpq still buffers, then waits until a whole result can be read.
  void until_result_ready() {
    while (true) {
      const int flushed = PQflush(link_.connection);
      if (flushed < 0) throw lost();
      if (flushed == 0) break;
      wait_for(POLLOUT | POLLIN);
      if (PQconsumeInput(link_.connection) == 0) throw lost();
    }
    while (PQisBusy(link_.connection)) {
      wait_for(POLLIN);
      if (PQconsumeInput(link_.connection) == 0) throw lost();
    }
  }

 private:
  void wait_for(short events) {
    pollfd descriptor{PQsocket(link_.connection), events, 0};
    if (descriptor.fd < 0) throw lost();
    while (true) {
      int timeout = -1;
      if (link_.wait_ms > 0) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
        if (left.count() <= 0) throw silent();
        timeout = static_cast<int>(left.count());
      }
      const int ready = ::poll(&descriptor, 1, timeout);
      if (ready > 0) return;
      if (ready == 0) throw silent();
      if (errno != EINTR) throw lost();
    }
  }

  Error lost() const {
    const std::string message = last_error(link_.connection);
    return Error(message.empty() ? "the connection to the server was lost" : message,
                 ErrorKind::ConnectionLost);
  }

  Error silent() const {
    return Error("the server did not answer within " +
                     std::to_string((link_.wait_ms + 999) / 1000) +
                     " s (the statement timeout and a grace period): it may be stopped or "
                     "overloaded; the connection is given up",
                 ErrorKind::ConnectionLost);
  }

  Link link_;
  Clock::time_point deadline_;
};

/// The next result of the query in flight, or nullptr when all were read.
Result next_result(Link link) {
  AnswerWait(link).until_result_ready();
  return Result(PQgetResult(link.connection));
}

}  // namespace

Rows run_query(Link link, const std::string& sql, const std::vector<std::string>& parameters) {
  return run_with_parameters(
      link, sql, std::vector<std::optional<std::string>>(parameters.begin(), parameters.end()),
      nullptr);
}

Rows run_with_parameters(Link link, const std::string& sql,
                         const std::vector<std::optional<std::string>>& parameters,
                         std::int64_t* changed) {
  std::vector<const char*> values;
  values.reserve(parameters.size());
  for (const auto& p : parameters)
    values.push_back(p ? p->c_str() : nullptr);
  if (!PQsendQueryParams(link.connection, sql.c_str(), static_cast<int>(values.size()), nullptr,
                         values.data(), nullptr, nullptr, 0))
    throw failure_of(link.connection, nullptr);
  Rows rows;
  std::optional<Error> failure;
  // Every result must be read before the connection takes the next command.
  while (Result result = next_result(link)) {
    if (failure) continue;
    try {
      rows = rows_of(link.connection, result.get());
      if (changed) *changed = changed_rows(result.get());
    } catch (const Error& e) {
      failure.emplace(e);
    }
  }
  if (failure) throw *failure;
  return rows;
}

std::int64_t run_script(Link link, const std::string& sql) {
  if (!PQsendQuery(link.connection, sql.c_str())) throw failure_of(link.connection, nullptr);
  std::int64_t changed = 0;
  std::optional<Error> failure;
  // Every result must be read before the connection takes the next command.
  while (Result result = next_result(link)) {
    PGresult* raw = result.get();
    switch (PQresultStatus(raw)) {
      case PGRES_COMMAND_OK:
      case PGRES_TUPLES_OK:
      case PGRES_EMPTY_QUERY:
        changed += changed_rows(raw);
        break;
      case PGRES_COPY_IN:
        PQputCopyEnd(link.connection, "COPY FROM STDIN is not supported in a migration");
        break;
      case PGRES_COPY_OUT: {
        char* buffer = nullptr;
        while (PQgetCopyData(link.connection, &buffer, 0) > 0)
          PQfreemem(buffer);
        break;
      }
      default:
        if (!failure) failure.emplace(failure_of(link.connection, raw));
        break;
    }
  }
  if (failure) throw *failure;
  return changed;
}

std::string one_line_error(const std::string& libpq_message) {
  std::string message, detail, hint;
  std::string* last = &message;
  std::size_t start = 0;
  while (start < libpq_message.size()) {
    std::size_t end = libpq_message.find('\n', start);
    if (end == std::string::npos) end = libpq_message.size();
    const std::string line = libpq_message.substr(start, end - start);
    start = end + 1;
    const std::string text = trimmed(line);
    if (text.empty()) continue;
    std::string after_severity;
    if (message.empty() && strip_severity(text, after_severity)) {
      message = after_severity;
      last = &message;
    } else if (starts_with(text, "DETAIL:")) {
      detail = trimmed(text.substr(7));
      last = &detail;
    } else if (starts_with(text, "HINT:")) {
      hint = trimmed(text.substr(5));
      last = &hint;
    } else if (starts_with(text, "LINE ") || text.find_first_not_of(" ^") == std::string::npos ||
               starts_with(text, "CONTEXT:") || starts_with(text, "QUERY:")) {
      last = nullptr;  // where in the statement: useless on one line
    } else if (last != nullptr) {
      *last += (last->empty() ? "" : " ") + text;
    }
  }
  if (!detail.empty()) message += " (DETAIL: " + detail + ")";
  if (!hint.empty()) message += " (HINT: " + hint + ")";
  // Collapse the double spaces libpq writes after "FATAL:" inside connection messages.
  std::string collapsed;
  for (char c : message) {
    if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
    collapsed += c;
  }
  return collapsed;
}

std::string last_error(pg_conn* connection) {
  return connection == nullptr ? std::string() : one_line_error(PQerrorMessage(connection));
}

void silence_notices(pg_conn* connection) {
  PQsetNoticeProcessor(connection, &ignore_notice, nullptr);
}

}  // namespace sdm::postgresql
