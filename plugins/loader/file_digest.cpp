#include "loader/file_digest.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "loader/plugin_file.hpp"

namespace sdm::loader {

std::string sha256_hex(int fd) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  std::vector<char> buffer(1 << 16);
  off_t offset = 0;
  for (;;) {
    ssize_t n = ::pread(fd, buffer.data(), buffer.size(), offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw RejectedPlugin(std::string("cannot be read: ") + std::strerror(errno));
    if (n == 0) break;
    engine.update(buffer.data(), static_cast<std::size_t>(n));
    offset += n;
  }
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace sdm::loader
