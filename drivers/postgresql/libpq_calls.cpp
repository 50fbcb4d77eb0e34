#include "libpq_calls.hpp"

#include <libpq-fe.h>

#include <memory>

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

/// The rows of a successful result; throws for a failed one.
Rows rows_of(PGconn* connection, const PGresult* result) {
  switch (PQresultStatus(result)) {
    case PGRES_TUPLES_OK:
    case PGRES_SINGLE_TUPLE:
      break;
    case PGRES_COMMAND_OK:
    case PGRES_EMPTY_QUERY:
      return {};
    default: {
      std::string message = one_line_error(PQresultErrorMessage(result));
      if (message.empty()) message = last_error(connection);
      throw Error(message.empty() ? "the server gave no result" : message);
    }
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

}  // namespace

Rows run_query(pg_conn* connection, const std::string& sql,
               const std::vector<std::string>& parameters) {
  std::vector<const char*> values;
  values.reserve(parameters.size());
  for (const auto& p : parameters)
    values.push_back(p.c_str());
  Result result(PQexecParams(connection, sql.c_str(), static_cast<int>(values.size()), nullptr,
                             values.data(), nullptr, nullptr, 0));
  if (!result) throw Error(last_error(connection));
  return rows_of(connection, result.get());
}

std::int64_t run_script(pg_conn* connection, const std::string& sql) {
  if (!PQsendQuery(connection, sql.c_str())) throw Error(last_error(connection));
  std::int64_t changed = 0;
  std::string failure;
  // Every result must be read before the connection takes the next command.
  while (PGresult* raw = PQgetResult(connection)) {
    Result result(raw);
    switch (PQresultStatus(raw)) {
      case PGRES_COMMAND_OK:
      case PGRES_TUPLES_OK:
      case PGRES_EMPTY_QUERY:
        changed += changed_rows(raw);
        break;
      case PGRES_COPY_IN:
        PQputCopyEnd(connection, "COPY FROM STDIN is not supported in a migration");
        break;
      case PGRES_COPY_OUT: {
        char* buffer = nullptr;
        while (PQgetCopyData(connection, &buffer, 0) > 0)
          PQfreemem(buffer);
        break;
      }
      default:
        if (failure.empty()) failure = one_line_error(PQresultErrorMessage(raw));
        break;
    }
  }
  if (!failure.empty()) throw Error(failure);
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
