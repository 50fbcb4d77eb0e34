#include "runtime/progress_log.hpp"

namespace sdm::runtime {

void ProgressLog::write(const std::string& level, const std::string& message) {
  std::string padded = level.substr(0, 5);
  padded.resize(5, ' ');
  out_ << padded << " [" << logger_ << "] " << message << '\n' << std::flush;
}

}  // namespace sdm::runtime
