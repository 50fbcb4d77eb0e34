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

constexpr std::string_view kMagic = "sdm-scan-cache 2\n";  // 2: each record carries its length
constexpr std::int64_t kSettleNs = 2'000'000'000;          // younger changes are not kept
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
  explicit Writer(std::string_view header = {}) : out_(header) {}
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
  std::string take() { return std::move(out_); }

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
  std::string_view view() {
    const std::uint64_t size = number();
    if (size > in_.size()) throw Malformed{};
    std::string_view value = in_.substr(0, size);
    in_.remove_prefix(size);
    return value;
  }
  std::string text() { return std::string(view()); }
  std::uint64_t count() {
    const std::uint64_t count = number();
    if (count > in_.size() / 8) throw Malformed{};  // every item takes at least 8 bytes
    return count;
  }
  std::vector<std::string> list() {
    std::vector<std::string> values(count());
    for (auto& value : values)
      value = text();
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
  meta.revisions.resize(in.count());
  for (RevisionMetadata& r : meta.revisions) {
    r.id = in.text();
    r.parents = in.list();
    r.depends_on = in.list();
    r.branch_labels = in.list();
    r.doc = in.text();
    r.source = in.text();
  }
  meta.drivers.resize(in.count());
  for (DriverMetadata& d : meta.drivers) {
    d.name = in.text();
    d.schemes = in.list();
  }
  return meta;
}

/// One entry's metadata record, or nullopt when it does not parse (the file is then read
/// instead, and kept again).
std::optional<PluginMetadata> parse_record(std::string_view record) {
  try {
    Reader in(record);
    PluginMetadata metadata = read_metadata(in);
    if (!in.done()) throw Reader::Malformed{};
    return metadata;
  } catch (const Reader::Malformed&) {
    return std::nullopt;
  }
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
  bytes_.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < bytes_.size()) {
    ssize_t n = ::read(fd.get(), bytes_.data() + done, bytes_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  if (done != bytes_.size() || bytes_.compare(0, kMagic.size(), kMagic) != 0) {
    bytes_.clear();
    return;
  }
  try {
    Reader in(std::string_view(bytes_).substr(kMagic.size()));
    if (in.view() != SDM_STRINGIFY(SDM_ABI_VERSION) || in.view() != SDM_BUILD_KEY ||
        in.view() != real_dir_)
      throw Reader::Malformed{};
    const std::uint64_t count = in.count();
    read_.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i) {
      std::string_view name = in.view();
      Entry entry;
      entry.stamp.device = in.number();
      entry.stamp.inode = in.number();
      entry.stamp.size = in.number();
      entry.stamp.modified_ns = static_cast<std::int64_t>(in.number());
      entry.stamp.changed_ns = static_cast<std::int64_t>(in.number());
      entry.record = in.view();
      read_.emplace(name, entry);
    }
    if (!in.done()) throw Reader::Malformed{};
  } catch (const Reader::Malformed&) {
    read_.clear();
  }
}

std::optional<PluginMetadata> ScanCache::find(std::string_view name, const FileStamp& stamp) const {
  auto found = read_.find(name);
  if (found == read_.end() || !(found->second.stamp == stamp)) return std::nullopt;
  return parse_record(found->second.record);
}

std::optional<PluginMetadata> ScanCache::take(std::string_view name, const FileStamp& stamp) {
  auto found = read_.find(name);
  if (found == read_.end() || !(found->second.stamp == stamp)) return std::nullopt;
  std::optional<PluginMetadata> metadata = parse_record(found->second.record);
  if (metadata && !found->second.taken) {
    found->second.taken = true;
    ++taken_;
  }
  return metadata;
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
  Writer record;
  write_metadata(record, metadata);
  fresh_[name] = {stamp, record.take()};
  // What was just read replaces an entry of the same name taken earlier in this run.
  if (auto found = read_.find(name); found != read_.end() && found->second.taken) {
    found->second.taken = false;
    --taken_;
  }
}

void ScanCache::save() {
  // Unchanged when every entry read was taken again and nothing new was kept.
  if (!active() || (fresh_.empty() && taken_ == read_.size())) return;
  Writer out(kMagic);
  out.text(SDM_STRINGIFY(SDM_ABI_VERSION));
  out.text(SDM_BUILD_KEY);
  out.text(real_dir_);
  auto entry = [&out](std::string_view name, const FileStamp& stamp, std::string_view record) {
    out.text(name);
    out.number(stamp.device);
    out.number(stamp.inode);
    out.number(stamp.size);
    out.number(static_cast<std::uint64_t>(stamp.modified_ns));
    out.number(static_cast<std::uint64_t>(stamp.changed_ns));
    out.text(record);
  };
  out.number(taken_ + fresh_.size());
  for (const auto& [name, read] : read_)
    if (read.taken) entry(name, read.stamp, read.record);
  for (const auto& [name, kept] : fresh_)
    entry(name, kept.first, kept.second);
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
