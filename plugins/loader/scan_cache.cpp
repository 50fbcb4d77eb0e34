#include "loader/scan_cache.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <system_error>
#include <vector>

#include "loader/unique_fd.hpp"
#include "sdm/plugin.hpp"

namespace sdm::loader {
namespace {

constexpr std::string_view kMagic = "sdm-scan-cache 1\n";
constexpr std::int64_t kSettleNs = 2'000'000'000;  // younger changes are not kept
constexpr std::uint64_t kLargestCache = 64 * 1024 * 1024;

/// A stable name for a directory's cache file (FNV-1a of its resolved path).
std::string file_name_for(const std::string& real_dir) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : real_dir) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  static const char* digits = "0123456789abcdef";
  std::string name = "scan-";
  for (int shift = 60; shift >= 0; shift -= 4)
    name += digits[(hash >> shift) & 0xF];
  return name + ".cache";
}

/// $XDG_CACHE_HOME/sahara-db-manage or ~/.cache/sahara-db-manage, created when missing; ""
/// when neither variable names an absolute folder.
std::string cache_folder() {
  std::string base;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
    base = std::string(home) + "/.cache";
  } else {
    return "";
  }
  const std::string folder = base + "/sahara-db-manage";
  ::mkdir(base.c_str(), 0700);
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) return "";
  return folder;
}

class Writer {
 public:
  explicit Writer(std::string_view header) : out_(header) {}
  void text(std::string_view value) {
    number(value.size());
    out_.append(value);
  }
  void number(std::uint64_t value) { out_.append(reinterpret_cast<const char*>(&value), 8); }
  void list(const std::vector<std::string>& values) {
    number(values.size());
    for (const auto& value : values)
      text(value);
  }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

/// Reads what Writer wrote; any inconsistency throws, and the cache is then ignored.
class Reader {
 public:
  struct Malformed {};
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t number() {
    if (in_.size() < 8) throw Malformed{};
    std::uint64_t value;
    std::memcpy(&value, in_.data(), 8);
    in_.remove_prefix(8);
    return value;
  }
  std::string text() {
    const std::uint64_t size = number();
    if (size > in_.size()) throw Malformed{};
    std::string value(in_.substr(0, size));
    in_.remove_prefix(size);
    return value;
  }
  std::vector<std::string> list() {
    const std::uint64_t count = number();
    if (count > in_.size()) throw Malformed{};  // every item takes at least 8 bytes
    std::vector<std::string> values;
    values.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i)
      values.push_back(text());
    return values;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

void write_metadata(Writer& out, const PluginMetadata& meta) {
  out.text(meta.abi_version);
  out.text(meta.kind);
  out.text(meta.build_key);
  out.number(meta.revisions.size());
  for (const auto& r : meta.revisions) {
    out.text(r.id);
    out.list(r.parents);
    out.list(r.depends_on);
    out.list(r.branch_labels);
    out.text(r.doc);
    out.text(r.source);
  }
  out.number(meta.drivers.size());
  for (const auto& d : meta.drivers) {
    out.text(d.name);
    out.list(d.schemes);
  }
}

PluginMetadata read_metadata(Reader& in) {
  PluginMetadata meta;
  meta.abi_version = in.text();
  meta.kind = in.text();
  meta.build_key = in.text();
  for (std::uint64_t i = 0, n = in.number(); i < n; ++i) {
    RevisionMetadata r;
    r.id = in.text();
    r.parents = in.list();
    r.depends_on = in.list();
    r.branch_labels = in.list();
    r.doc = in.text();
    r.source = in.text();
    meta.revisions.push_back(std::move(r));
  }
  for (std::uint64_t i = 0, n = in.number(); i < n; ++i) {
    DriverMetadata d;
    d.name = in.text();
    d.schemes = in.list();
    meta.drivers.push_back(std::move(d));
  }
  return meta;
}

}  // namespace

ScanCache::ScanCache(const std::string& real_dir, PathTrust& trust) : real_dir_(real_dir) {
  const std::string folder = cache_folder();
  if (folder.empty()) return;
  try {
    if (trust.directory_problem(resolved_path(folder))) return;
  } catch (const std::system_error&) {
    return;
  }
  file_ = folder + "/" + file_name_for(real_dir);
  UniqueFd fd(::open(file_.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::uint64_t>(st.st_size) > kLargestCache || trust.file_problem(st, file_)) {
    return;
  }
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  if (done != bytes.size() || bytes.compare(0, kMagic.size(), kMagic) != 0) return;
  try {
    Reader in(std::string_view(bytes).substr(kMagic.size()));
    if (in.text() != SDM_STRINGIFY(SDM_ABI_VERSION) || in.text() != SDM_BUILD_KEY ||
        in.text() != real_dir_)
      throw Reader::Malformed{};
    const std::uint64_t count = in.number();
    read_.reserve(std::min<std::uint64_t>(count, bytes.size() / 8));
    kept_.reserve(read_.bucket_count());
    for (std::uint64_t i = 0; i < count; ++i) {
      std::string name = in.text();
      Entry entry;
      entry.stamp.device = in.number();
      entry.stamp.inode = in.number();
      entry.stamp.size = in.number();
      entry.stamp.modified_ns = static_cast<std::int64_t>(in.number());
      entry.stamp.changed_ns = static_cast<std::int64_t>(in.number());
      entry.metadata = read_metadata(in);
      read_.emplace(std::move(name), std::move(entry));
    }
    if (!in.done()) throw Reader::Malformed{};
  } catch (const Reader::Malformed&) {
    read_.clear();
  }
}

const PluginMetadata* ScanCache::find(const std::string& name, const FileStamp& stamp) const {
  auto found = read_.find(name);
  return found != read_.end() && found->second.stamp == stamp ? &found->second.metadata : nullptr;
}

const PluginMetadata* ScanCache::take(const std::string& name, const FileStamp& stamp) {
  auto found = read_.find(name);
  if (found == read_.end() || !(found->second.stamp == stamp)) return nullptr;
  auto kept = kept_.insert(read_.extract(found));
  return kept.inserted ? &kept.position->second.metadata : nullptr;
}

void ScanCache::keep(const std::string& name, const FileStamp& stamp,
                     const PluginMetadata& metadata) {
  if (!active()) return;
  // The same clock as file times: the real-time clock.
  const std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  const std::int64_t settled = now - kSettleNs;
  if (stamp.modified_ns > settled || stamp.changed_ns > settled) return;
  kept_[name] = Entry{stamp, metadata};
  changed_ = true;  // unchanged files come through take()
}

void ScanCache::save() {
  // Unchanged when every entry read was taken again (read_ is then empty) and nothing kept.
  if (!active() || !(changed_ || !read_.empty())) return;
  Writer out(kMagic);
  out.text(SDM_STRINGIFY(SDM_ABI_VERSION));
  out.text(SDM_BUILD_KEY);
  out.text(real_dir_);
  out.number(kept_.size());
  for (const auto& [name, entry] : kept_) {
    out.text(name);
    out.number(entry.stamp.device);
    out.number(entry.stamp.inode);
    out.number(entry.stamp.size);
    out.number(static_cast<std::uint64_t>(entry.stamp.modified_ns));
    out.number(static_cast<std::uint64_t>(entry.stamp.changed_ns));
    write_metadata(out, entry.metadata);
  }
  const std::string& bytes = out.bytes();
  const std::string temporary = file_ + ".tmp." + std::to_string(::getpid());
  UniqueFd fd(
      ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!fd) return;
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  if (done != bytes.size() || ::rename(temporary.c_str(), file_.c_str()) != 0)
    ::unlink(temporary.c_str());
}

}  // namespace sdm::loader
