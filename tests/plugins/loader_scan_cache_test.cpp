// The scan cache: what a scan read from each plugin file comes back only for a file with the
// same stamp, only from a cache folder and file nobody else can change, and a damaged cache is
// read as an empty one. Every command scans with it (loader::ScanCache).
#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>

#include "loader/plugin_directory.hpp"
#include "loader/scan_cache.hpp"
#include "plugins/scratch_dir.hpp"
#include "support/ownership.hpp"

namespace fs = std::filesystem;
using sdm::PluginKind;
using sdm::loader::FileStamp;
using sdm::loader::LoaderPolicy;
using sdm::loader::PathTrust;
using sdm::loader::PluginMetadata;
using sdm::loader::scan_plugin_directory;
using sdm::loader::ScanCache;
using sdm::test::set_mode;

namespace {

/// XDG_CACHE_HOME pointed at a scratch folder for the test's lifetime.
class CacheHome {
 public:
  explicit CacheHome(const std::string& dir) {
    if (const char* old = std::getenv("XDG_CACHE_HOME")) old_ = old;
    ::setenv("XDG_CACHE_HOME", dir.c_str(), 1);
  }
  ~CacheHome() {
    if (old_)
      ::setenv("XDG_CACHE_HOME", old_->c_str(), 1);
    else
      ::unsetenv("XDG_CACHE_HOME");
  }

 private:
  std::optional<std::string> old_;
};

PluginMetadata sample_metadata() {
  PluginMetadata meta;
  meta.abi_version = "4";
  meta.kind = "revisions";
  meta.build_key = "key";
  sdm::loader::RevisionMetadata revision;
  revision.id = "abc123";
  revision.parents = {"p1", "p2"};
  revision.depends_on = {"d1"};
  revision.branch_labels = {"label"};
  revision.doc = "a message, with a comma\nand a second line";
  revision.source = "/src/abc123_x.cpp";
  meta.revisions.push_back(revision);
  return meta;
}

/// A stamp from well before now: settled, so the cache keeps it.
FileStamp old_stamp() {
  return {1, 42, 1000, 1'000'000'000'000'000'000, 1'000'000'000'000'000'000};
}

/// The only cache file in the cache folder.
std::string cache_file(const std::string& home) {
  for (const auto& entry : fs::directory_iterator(home + "/sahara-db-manage"))
    if (entry.path().extension() == ".cache") return entry.path().string();
  return "";
}

void check_same(const PluginMetadata& a, const PluginMetadata& b) {
  CHECK(a.abi_version == b.abi_version);
  CHECK(a.kind == b.kind);
  CHECK(a.build_key == b.build_key);
  REQUIRE(a.revisions.size() == b.revisions.size());
  for (std::size_t i = 0; i < a.revisions.size(); ++i) {
    CHECK(a.revisions[i].id == b.revisions[i].id);
    CHECK(a.revisions[i].parents == b.revisions[i].parents);
    CHECK(a.revisions[i].depends_on == b.revisions[i].depends_on);
    CHECK(a.revisions[i].branch_labels == b.revisions[i].branch_labels);
    CHECK(a.revisions[i].doc == b.revisions[i].doc);
    CHECK(a.revisions[i].source == b.revisions[i].source);
  }
}

}  // namespace

TEST_CASE("the scan cache gives back what was kept only for a file with the same stamp") {
  sdm::test::ScratchDir scratch;
  CacheHome home(scratch.dir());
  PathTrust trust;
  {
    ScanCache cache("/some/plugins", trust);
    REQUIRE(cache.active());
    cache.keep("a.so", old_stamp(), sample_metadata());
    FileStamp now_stamp = old_stamp();
    now_stamp.changed_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
    cache.keep("fresh.so", now_stamp, sample_metadata());  // changed just now: not kept
    cache.save();
  }
  const std::string file = cache_file(scratch.dir());
  REQUIRE_FALSE(file.empty());
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);

  ScanCache again("/some/plugins", trust);
  std::optional<PluginMetadata> found = again.find("a.so", old_stamp());
  REQUIRE(found.has_value());
  check_same(*found, sample_metadata());
  for (auto change : {&FileStamp::device, &FileStamp::inode, &FileStamp::size}) {
    FileStamp other = old_stamp();
    other.*change += 1;
    CHECK_FALSE(again.find("a.so", other).has_value());
  }
  FileStamp rewritten = old_stamp();
  rewritten.changed_ns += 1;
  CHECK_FALSE(again.find("a.so", rewritten).has_value());
  CHECK_FALSE(again.find("fresh.so", old_stamp()).has_value());
  CHECK_FALSE(again.find("b.so", old_stamp()).has_value());
  // Another directory has a cache of its own.
  CHECK_FALSE(ScanCache("/other/plugins", trust).find("a.so", old_stamp()).has_value());

  // A scan that no longer finds a file drops it.
  again.save();
  CHECK_FALSE(ScanCache("/some/plugins", trust).find("a.so", old_stamp()).has_value());
}

TEST_CASE("a cache others can change, or a damaged one, is not read") {
  sdm::test::ScratchDir scratch;
  CacheHome home(scratch.dir());
  PathTrust trust;
  auto write_cache = [&] {
    ScanCache cache("/some/plugins", trust);
    cache.keep("a.so", old_stamp(), sample_metadata());
    cache.save();
    return cache_file(scratch.dir());
  };
  const std::string file = write_cache();
  REQUIRE(ScanCache("/some/plugins", trust).find("a.so", old_stamp()).has_value());

  SUBCASE("a cache file its group can write") {
    set_mode(file, 0620);
    CHECK_FALSE(ScanCache("/some/plugins", trust).find("a.so", old_stamp()).has_value());
  }
  SUBCASE("a cache folder others can write") {
    set_mode(scratch.dir() + "/sahara-db-manage", 0777);
    PathTrust fresh;
    ScanCache cache("/some/plugins", fresh);
    CHECK_FALSE(cache.active());
    CHECK_FALSE(cache.find("a.so", old_stamp()).has_value());
    set_mode(scratch.dir() + "/sahara-db-manage", 0700);
  }
  SUBCASE("a truncated cache file") {
    fs::resize_file(file, fs::file_size(file) - 3);
    CHECK_FALSE(ScanCache("/some/plugins", trust).find("a.so", old_stamp()).has_value());
  }
  SUBCASE("a cache file of something else") {
    std::ofstream(file, std::ios::trunc) << "sdm-scan-cache 2\n\xff\xff\xff\xff\xff\xff\xff\x7f";
    CHECK_FALSE(ScanCache("/some/plugins", trust).find("a.so", old_stamp()).has_value());
  }
  // Whatever was wrong, the next save writes a good one.
  ScanCache rewrite("/some/plugins", trust);
  rewrite.keep("a.so", old_stamp(), sample_metadata());
  rewrite.save();
  CHECK(ScanCache("/some/plugins", trust).find("a.so", old_stamp()).has_value());
}

TEST_CASE("a scan with the cache finds what reading finds, and reads a replaced file again") {
  sdm::test::ScratchDir scratch;
  CacheHome home(scratch.directory("cache", 0700));
  const std::string dir = scratch.directory("plugins");
  scratch.copy_fixture("two_revisions.so", "plugins/a.so");
  fs::copy_file(std::string(SDM_FIXTURE_DIR) + "/linear/r1_first.so", dir + "/b.so");
  set_mode(dir + "/b.so", 0755);
  scratch.copy_fixture("two_revisions.so", "plugins/c.so", 0775);  // its group can write it
  // Files changed in the last two seconds are not kept.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));

  LoaderPolicy with_cache;
  with_cache.scan_cache = true;
  const auto read = scan_plugin_directory(dir, PluginKind::Revisions, {});
  const auto first = scan_plugin_directory(dir, PluginKind::Revisions, with_cache);
  REQUIRE_FALSE(cache_file(scratch.path("cache")).empty());
  const auto cached = scan_plugin_directory(dir, PluginKind::Revisions, with_cache);
  for (const auto* scan : {&first, &cached}) {
    REQUIRE(scan->plugins.size() == 2);
    REQUIRE(scan->rejections.size() == 1);
    CHECK(scan->rejections.front().reason == read.rejections.front().reason);
    for (std::size_t i = 0; i < 2; ++i) {
      CHECK(scan->plugins[i].path == read.plugins[i].path);
      CHECK(scan->plugins[i].real_path == read.plugins[i].real_path);
      CHECK(scan->plugins[i].identity == read.plugins[i].identity);
      check_same(scan->plugins[i].metadata, read.plugins[i].metadata);
    }
  }

  SUBCASE("an unchanged file is taken from the cache, not read again") {
    PathTrust trust;
    ScanCache cache(fs::canonical(dir).string(), trust);
    struct stat st {};
    REQUIRE(::stat((dir + "/b.so").c_str(), &st) == 0);
    std::optional<PluginMetadata> kept = cache.find("b.so", FileStamp::of(st));
    REQUIRE(kept.has_value());
    PluginMetadata marked = *kept;
    marked.revisions.front().doc = "as the cache has it";
    cache.keep("b.so", FileStamp::of(st), marked);
    cache.save();
    const auto after = scan_plugin_directory(dir, PluginKind::Revisions, with_cache);
    REQUIRE(after.plugins.size() == 2);
    CHECK(after.plugins[1].metadata.revisions.front().doc == "as the cache has it");
    // Without the cache, the file is what counts.
    CHECK(scan_plugin_directory(dir, PluginKind::Revisions, {})
              .plugins[1]
              .metadata.revisions.front()
              .doc == read.plugins[1].metadata.revisions.front().doc);
  }
  SUBCASE("a file replaced by another plugin is read again") {
    fs::copy_file(std::string(SDM_FIXTURE_DIR) + "/linear/r2_second.so", dir + "/new.tmp");
    set_mode(dir + "/new.tmp", 0755);
    fs::rename(dir + "/new.tmp", dir + "/b.so");
    const auto after = scan_plugin_directory(dir, PluginKind::Revisions, with_cache);
    REQUIRE(after.plugins.size() == 2);
    const auto fresh = scan_plugin_directory(dir, PluginKind::Revisions, {});
    check_same(after.plugins[1].metadata, fresh.plugins[1].metadata);
    CHECK(after.plugins[1].metadata.revisions.front().id !=
          read.plugins[1].metadata.revisions.front().id);
  }
  SUBCASE("a file kept while trust checks were off is still judged when they are on") {
    LoaderPolicy insecure = with_cache;
    insecure.enforce_trust = false;
    const auto lenient = scan_plugin_directory(dir, PluginKind::Revisions, insecure);
    REQUIRE(lenient.plugins.size() == 3);
    CHECK_FALSE(lenient.plugins[2].trust_note.empty());
    const auto lenient_cached = scan_plugin_directory(dir, PluginKind::Revisions, insecure);
    REQUIRE(lenient_cached.plugins.size() == 3);
    CHECK(lenient_cached.plugins[2].trust_note == lenient.plugins[2].trust_note);
    const auto strict = scan_plugin_directory(dir, PluginKind::Revisions, with_cache);
    REQUIRE(strict.rejections.size() == 1);
    CHECK(strict.rejections.front().path == dir + "/c.so");
    CHECK(strict.rejections.front().reason == read.rejections.front().reason);
  }
}
