#include "loader/plugin_directory.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

namespace sdm::loader {
namespace {

EntryType type_of(unsigned char d_type) {
  switch (d_type) {
    case DT_REG:
      return EntryType::Regular;
    case DT_LNK:
      return EntryType::Symlink;
    case DT_DIR:
      return EntryType::Directory;
    case DT_UNKNOWN:
      return EntryType::Unknown;
    default:
      return EntryType::Other;
  }
}

bool has_plugin_suffix(const char* name) {
  std::size_t length = std::strlen(name);
  return length > 3 && std::strcmp(name + length - 3, ".so") == 0;
}

std::vector<DirectoryEntry> list_entries(const std::string& real_dir, const std::string& listed_dir,
                                         UniqueFd& kept_open) {
  std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(real_dir.c_str()), &::closedir);
  if (!dir) throw DirectoryError("cannot list " + listed_dir + ": " + std::strerror(errno));
  // Entries are examined relative to the directory listed, without walking its path again.
  kept_open = UniqueFd(::fcntl(::dirfd(dir.get()), F_DUPFD_CLOEXEC, 0));
  std::vector<DirectoryEntry> entries;
  errno = 0;
  while (const dirent* entry = ::readdir(dir.get())) {
    if (!has_plugin_suffix(entry->d_name)) continue;
    EntryType type = type_of(entry->d_type);
    if (type == EntryType::Unknown) {
      // Some file systems leave d_type out; one lstat settles it (and skips directories).
      struct stat st {};
      if (::fstatat(::dirfd(dir.get()), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
        type = S_ISREG(st.st_mode)   ? EntryType::Regular
               : S_ISLNK(st.st_mode) ? EntryType::Symlink
               : S_ISDIR(st.st_mode) ? EntryType::Directory
                                     : EntryType::Other;
    }
    if (type != EntryType::Directory) entries.push_back({entry->d_name, type});
    errno = 0;
  }
  if (errno != 0) throw DirectoryError("cannot list " + listed_dir + ": " + std::strerror(errno));
  // Sorted through pointers: moving thousands of entries about cost more than comparing them.
  std::vector<DirectoryEntry*> order(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i)
    order[i] = &entries[i];
  std::sort(order.begin(), order.end(),
            [](const DirectoryEntry* a, const DirectoryEntry* b) { return a->name < b->name; });
  std::vector<DirectoryEntry> sorted;
  sorted.reserve(entries.size());
  for (DirectoryEntry* entry : order)
    sorted.push_back(std::move(*entry));
  return sorted;
}

}  // namespace

PluginDirectory::PluginDirectory(const std::string& directory, PluginKind kind,
                                 const LoaderPolicy& policy)
    : policy_(policy) {
  namespace fs = std::filesystem;
  listed_ = fs::absolute(directory).lexically_normal().string();
  while (listed_.size() > 1 && listed_.back() == '/')
    listed_.pop_back();
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    throw DirectoryError(std::string(kind_name(kind)) + " directory " + directory +
                         " does not exist or is not a directory");
  }
  try {
    real_ = resolved_path(listed_);
  } catch (const std::system_error& e) {
    throw DirectoryError("cannot resolve " + directory + ": " + e.code().message());
  }
  directory_problem_ = trust_.directory_problem(real_);
  entries_ = list_entries(real_, listed_, directory_fd_);
  manifest_ = read_manifest(real_, listed_, trust_, policy_);
  if (policy_.scan_cache) cache_.emplace(real_, trust_);
}

void PluginDirectory::refuse_if_directory_untrusted() const {
  if (directory_problem_ && policy_.enforce_trust)
    throw RejectedPlugin("untrusted: " + *directory_problem_);
}

std::string PluginDirectory::trust_note(std::string file_note) const {
  return file_note.empty() && directory_problem_ ? *directory_problem_ : file_note;
}

OpenedCandidate PluginDirectory::open(const DirectoryEntry& entry) {
  refuse_if_directory_untrusted();
  OpenedCandidate candidate =
      open_candidate(real_ + "/" + entry.name, entry.type, trust_, policy_.enforce_trust);
  candidate.trust_note = trust_note(std::move(candidate.trust_note));
  return candidate;
}

std::optional<PluginFile> PluginDirectory::cached(const DirectoryEntry& entry, PluginKind kind) {
  // A link's target can change without the link's stamp changing: links are always read.
  if (!cache_ || !cache_->active() || entry.type != EntryType::Regular) return std::nullopt;
  struct stat st {};
  if (!directory_fd_ ||
      ::fstatat(directory_fd_.get(), entry.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
      !S_ISREG(st.st_mode))
    return std::nullopt;
  std::optional<PluginMetadata> metadata = cache_->take(entry.name, FileStamp::of(st));
  if (!metadata) return std::nullopt;
  // The same judgement, in the same order, as open() and open_candidate() give a read file.
  refuse_if_directory_untrusted();
  PluginFile file;
  file.path = path_of(entry);
  file.real_path = real_ + "/" + entry.name;
  file.identity = {st.st_dev, st.st_ino};
  std::string file_note;
  if (auto problem = trust_.file_problem(st, file.real_path)) {
    if (policy_.enforce_trust) throw RejectedPlugin("untrusted: " + *problem);
    file_note = *problem;
  }
  file.trust_note = trust_note(std::move(file_note));
  check_metadata(*metadata, kind);
  file.metadata = std::move(*metadata);
  return file;
}

void PluginDirectory::remember(const DirectoryEntry& entry, const FileStamp& stamp,
                               const PluginFile& file) {
  if (cache_ && entry.type == EntryType::Regular) cache_->keep(entry.name, stamp, file.metadata);
}

void PluginDirectory::save_cache() {
  if (cache_) cache_->save();
}

ScanResult scan_plugin_directory(const std::string& directory, PluginKind expected_kind,
                                 const LoaderPolicy& policy) {
  PluginDirectory dir(directory, expected_kind, policy);
  const DirectoryManifest& manifest = dir.manifest();
  ScanResult result;
  if (!manifest.refusal.empty()) {
    result.rejections.push_back({manifest.path, manifest.refusal});
  } else if (!manifest.manifest.problems.empty()) {
    std::string problems;
    for (const auto& problem : manifest.manifest.problems)
      problems += (problems.empty() ? "" : "; ") + problem;
    result.rejections.push_back({manifest.path, problems});
  }

  result.plugins.reserve(dir.entries().size());
  for (const auto& entry : dir.entries()) {
    const std::string path = dir.path_of(entry);
    try {
      std::optional<PluginFile> known = dir.cached(entry, expected_kind);
      OpenedCandidate candidate;
      if (!known) candidate = dir.open(entry);
      std::optional<std::string> digest;
      if (manifest.usable) {
        auto listed = manifest.manifest.digests.find(entry.name);
        if (listed != manifest.manifest.digests.end()) digest = listed->second;
      }
      if (!digest && policy.require_manifest) {
        if (!manifest.usable)
          throw RejectedPlugin(
              "unverified: require_manifest is set and " + manifest.path +
              (manifest.present ? " is refused (see its own line)" : " does not exist") +
              "; fix: write it with `sha256sum *.so > " + kManifestName +
              "` in that directory, once you trust its plugins");
        throw RejectedPlugin("unverified: require_manifest is set and " + manifest.path +
                             " does not list it; fix: `sha256sum " + entry.name + " >> " +
                             kManifestName + "` in that directory, once you trust it");
      }
      const FileStamp stamp = candidate.stamp;
      PluginFile file = known ? std::move(*known)
                              : inspect_plugin_file(path, std::move(candidate), expected_kind);
      if (!known) dir.remember(entry, stamp, file);
      file.expected_sha256 = digest;
      result.plugins.push_back(std::move(file));
    } catch (const RejectedPlugin& e) {
      result.rejections.push_back({path, e.what()});
    }
  }
  dir.save_cache();
  return result;
}

}  // namespace sdm::loader
