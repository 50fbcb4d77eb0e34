#include "loader/manifest_verification.hpp"

#include <algorithm>
#include <set>

#include "loader/file_digest.hpp"
#include "loader/plugin_directory.hpp"

namespace sdm::loader {
namespace {

bool names_plugin(const std::string& name) {
  return name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0;
}

}  // namespace

bool DirectoryVerification::all_verified() const {
  return manifest_usable && manifest_problem.empty() &&
         std::all_of(files.begin(), files.end(), [](const DigestCheck& check) {
           return check.status == DigestCheck::Status::Verified;
         });
}

DirectoryVerification verify_plugin_directory(const std::string& directory, PluginKind kind,
                                              const LoaderPolicy& policy) {
  PluginDirectory dir(directory, kind, policy);
  const DirectoryManifest& manifest = dir.manifest();
  DirectoryVerification result;
  result.manifest_path = manifest.path;
  result.manifest_usable = manifest.usable;
  if (!manifest.present) {
    result.manifest_problem = "there is no manifest: nothing to verify against";
  } else if (!manifest.usable) {
    result.manifest_problem = "refused: " + manifest.refusal;
  } else {
    for (const auto& problem : manifest.manifest.problems)
      result.manifest_problem += (result.manifest_problem.empty() ? "" : "; ") + problem;
  }

  const auto& digests = manifest.manifest.digests;
  std::set<std::string> seen;
  for (const auto& entry : dir.entries()) {
    seen.insert(entry.name);
    DigestCheck check{dir.path_of(entry), DigestCheck::Status::Refused, ""};
    try {
      OpenedCandidate candidate = dir.open(entry);
      std::string actual = sha256_hex(candidate.fd.get());
      auto listed = digests.find(entry.name);
      if (listed == digests.end()) {
        check.status = DigestCheck::Status::Unlisted;
        check.detail = "its SHA-256 is " + actual;
      } else if (listed->second != actual) {
        check.status = DigestCheck::Status::Mismatch;
        check.detail = "the manifest lists " + listed->second + ", the file has " + actual;
      } else {
        check.status = DigestCheck::Status::Verified;
      }
    } catch (const RejectedPlugin& e) {
      check.detail = e.what();
    }
    result.files.push_back(std::move(check));
  }
  for (const auto& [name, digest] : digests) {
    if (!names_plugin(name) || seen.count(name)) continue;
    result.files.push_back({dir.path_of({name, EntryType::Regular}), DigestCheck::Status::Missing,
                            "the manifest lists it, but there is no such file"});
  }
  return result;
}

}  // namespace sdm::loader
