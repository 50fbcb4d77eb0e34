// Progress and warnings on stderr in Alembic's logging shape,
// "INFO  [sdm.runtime] Running upgrade 001 -> 002, placeholder", so log parsers keep working.
#pragma once

#include <ostream>
#include <string>

namespace sdm::runtime {

/// Writes `LEVEL [logger] message` lines (level padded and cut to five characters).
class ProgressLog {
 public:
  explicit ProgressLog(std::ostream& out, std::string logger = "sdm.runtime")
      : out_(out), logger_(std::move(logger)) {}

  void info(const std::string& message) { write("INFO", message); }
  void warning(const std::string& message) { write("WARNING", message); }

 private:
  void write(const std::string& level, const std::string& message);

  std::ostream& out_;
  std::string logger_;
};

}  // namespace sdm::runtime
