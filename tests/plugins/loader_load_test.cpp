// The loader's checks that need the plugin loaded: descriptor, init, symbol resolution.
#include <doctest/doctest.h>

#include <string>

#include "loader/plugin_library.hpp"
#include "plugins/scratch_dir.hpp"
#include "sdm/abi.hpp"
#include "sdm/operations.hpp"

using sdm::PluginKind;
using sdm::loader::find_revision_entry;
using sdm::loader::inspect_plugin_file;
using sdm::loader::load_plugin;
using sdm::loader::RejectedPlugin;
using sdm::test::loader_fixture;

namespace {

std::string load_rejection(const std::string& name) {
  auto file = inspect_plugin_file(loader_fixture(name), PluginKind::Revisions);
  try {
    load_plugin(file);
    return "";
  } catch (const RejectedPlugin& e) {
    return e.what();
  }
}

}  // namespace

TEST_CASE("a well-formed plugin loads and records its ops") {
  auto file = inspect_plugin_file(loader_fixture("two_revisions.so"), PluginKind::Revisions);
  const sdm::PluginDescriptor& d = load_plugin(file);
  REQUIRE(d.revision_count == 2);
  sdm::Operations ops;
  std::string error;
  REQUIRE(d.revisions[0].upgrade(ops, error));
  REQUIRE(ops.ops().size() == 1);
  CHECK(sdm::describe(ops.ops()[0]) == "create_table a");
  sdm::Operations derived;
  REQUIRE(d.revisions[1].downgrade(derived, error));
  CHECK(derived.derives_from_upgrade());
  // Loading twice gives the same library.
  CHECK(&load_plugin(file) == &d);
}

TEST_CASE("a revision's entry is found by its id in a plugin holding several") {
  auto file = inspect_plugin_file(loader_fixture("two_revisions.so"), PluginKind::Revisions);
  const sdm::PluginDescriptor& d = load_plugin(file);
  CHECK(find_revision_entry(file, "aaaa00000001") == &d.revisions[0]);
  CHECK(find_revision_entry(file, "aaaa00000002") == &d.revisions[1]);
  CHECK(find_revision_entry(file, "aaaa00000003") == nullptr);
  CHECK(find_revision_entry(file, "") == nullptr);
}

TEST_CASE("a descriptor that contradicts the file's ABI version is rejected") {
  CHECK(load_rejection("descriptor_abi.so") ==
        "its descriptor has plugin ABI version " + std::to_string(SDM_ABI_VERSION + 1) +
            ", this host speaks version " + std::to_string(SDM_ABI_VERSION) +
            ": rebuild it against the installed SDK");
}

TEST_CASE("a plugin whose init throws is rejected with the message") {
  CHECK(load_rejection("init_throws.so") == "its init failed: cannot find my lookup table");
}

TEST_CASE("a plugin with an unresolved symbol is rejected at load time") {
  std::string reason = load_rejection("unresolved.so");
  CHECK(reason.find("cannot be loaded: ") == 0);
  CHECK(reason.find("undefined symbol") != std::string::npos);
  CHECK(reason.find("function_that_does_not_exist") != std::string::npos);
}
