// What the loader insists on before it reads or loads a plugin file.
#pragma once

namespace sdm::loader {

/// From --insecure-plugins and the config's insecure_plugins and require_manifest.
struct LoaderPolicy {
  /// Refuse files that anyone but root or the running user can change. Off, each such file
  /// is used and the problem kept as a note (--insecure-plugins).
  bool enforce_trust = true;
  /// Refuse plugins that the directory's SHA256SUMS does not list (require_manifest = true).
  bool require_manifest = false;
  /// Reuse what an earlier scan read from files that have not changed since (ScanCache), and
  /// keep what this one reads. Loading checks a plugin's descriptor against that metadata.
  bool scan_cache = false;
};

}  // namespace sdm::loader
