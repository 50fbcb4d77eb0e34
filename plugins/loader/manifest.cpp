#include "loader/manifest.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

#include "loader/plugin_candidate.hpp"
#include "loader/plugin_file.hpp"

namespace sdm::loader {
namespace {

constexpr std::size_t kDigestLength = 64;
constexpr std::uint64_t kMaxManifestSize = 16 << 20;

bool is_hex_digest(const std::string& text) {
  if (text.size() != kDigestLength) return false;
  for (char c : text)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

/// sha256sum's escaping of names holding a backslash or a newline.
bool unescape(std::string& name) {
  std::string plain;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] != '\\') {
      plain += name[i];
      continue;
    }
    if (++i == name.size()) return false;
    if (name[i] == '\\')
      plain += '\\';
    else if (name[i] == 'n')
      plain += '\n';
    else
      return false;
  }
  name = plain;
  return true;
}

std::string read_all(int fd, std::uint64_t size) {
  std::string text(static_cast<std::size_t>(size), '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::pread(fd, text.data() + done, text.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw RejectedPlugin(std::string("cannot be read: ") + std::strerror(errno));
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  text.resize(done);
  return text;
}

}  // namespace

Manifest parse_manifest(const std::string& text) {
  Manifest manifest;
  std::size_t start = 0;
  for (int number = 1; start < text.size(); ++number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::string where = "line " + std::to_string(number);
    bool escaped = line[0] == '\\';
    if (escaped) line.erase(0, 1);
    std::string digest = line.substr(0, kDigestLength);
    if (!is_hex_digest(digest) || line.size() < kDigestLength + 3 || line[kDigestLength] != ' ' ||
        (line[kDigestLength + 1] != ' ' && line[kDigestLength + 1] != '*')) {
      manifest.problems.push_back(where +
                                  " is not `<SHA-256 in 64 hex digits>  <file name>` "
                                  "(the format sha256sum writes)");
      continue;
    }
    std::string name = line.substr(kDigestLength + 2);
    if (escaped && !unescape(name)) {
      manifest.problems.push_back(where + " has a malformed escape in its file name");
      continue;
    }
    if (name.find('/') != std::string::npos) {
      manifest.problems.push_back(where + " names " + name +
                                  ", not a file in this directory (no '/' allowed)");
      continue;
    }
    for (char& c : digest)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!manifest.digests.emplace(name, digest).second)
      manifest.problems.push_back(where + " lists " + name + " a second time");
  }
  return manifest;
}

DirectoryManifest read_manifest(const std::string& real_dir, const std::string& listed_dir,
                                PathTrust& trust, const LoaderPolicy& policy) {
  DirectoryManifest result;
  result.path = listed_dir + "/" + kManifestName;
  const std::string location = real_dir + "/" + kManifestName;
  struct stat st {};
  if (::lstat(location.c_str(), &st) != 0) return result;  // no manifest: nothing to verify
  result.present = true;
  try {
    OpenedCandidate opened =
        open_candidate(location, EntryType::Unknown, trust, policy.enforce_trust);
    if (opened.size > kMaxManifestSize)
      throw RejectedPlugin("is larger than 16 MiB; a manifest lists file names and digests only");
    result.manifest = parse_manifest(read_all(opened.fd.get(), opened.size));
    result.usable = true;
  } catch (const RejectedPlugin& e) {
    result.refusal = e.what();
  }
  return result;
}

}  // namespace sdm::loader
