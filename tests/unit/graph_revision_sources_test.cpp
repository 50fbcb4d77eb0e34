// Revisions read from sources that are not built yet: what `revision` and `merge` chain on.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/revision_source.hpp"
#include "cli/revision_source_reader.hpp"
#include "common/errors.hpp"

using sdm::cli::parse_revision_source;
using Strings = std::vector<std::string>;

TEST_CASE("a generated source reads back as the revision it was generated for") {
  sdm::cli::NewRevision generated;
  generated.id = "0f0f0f0f0f0f";
  generated.parents = {"036", "1eft00000002"};
  generated.depends_on = {"schema@head"};
  generated.branch_labels = {"site"};
  generated.message = "Odd \"text\"\twith\\escapes\x01 and é";
  generated.create_date = "2026-12-03 17:00:00.000000";
  const auto read =
      parse_revision_source(sdm::cli::render_revision_source(generated), "/src/x.cpp");
  REQUIRE(read.size() == 1);
  CHECK(read[0].id == "0f0f0f0f0f0f");
  CHECK(read[0].parents == Strings{"036", "1eft00000002"});
  CHECK(read[0].depends_on == Strings{"schema@head"});
  CHECK(read[0].branch_labels == Strings{"site"});
  CHECK(read[0].doc.rfind(generated.message + "\n\nRevision ID: 0f0f0f0f0f0f\n", 0) == 0);
  CHECK(read[0].path == "/src/x.cpp");
}

TEST_CASE("hand-written declarations: the short form, split literals, comments") {
  const std::string source = R"src(#include <sdm/revision.hpp>
// SDM_REVISION(old, "commented", "", "not a revision", up, down)
/* SDM_REVISION(older, "also commented", "", "", up, down) */
static void up(sdm::Operations& op) { op.execute("SELECT 'SDM_REVISION(x, \"y\")'"); }
SDM_REVISION(first, "a1", "", "first" " one", up, sdm::derived_downgrade)
SDM_REVISION_EX(second, "b2",
                "a1", "", "",  // a comment inside the call
                "second", up, sdm::derived_downgrade)
SDM_REVISION_PLUGIN(first, second)
)src";
  const auto read = parse_revision_source(source, "two.cpp");
  REQUIRE(read.size() == 2);
  CHECK(read[0].id == "a1");
  CHECK(read[0].parents.empty());
  CHECK(read[0].doc == "first one");
  CHECK(read[1].id == "b2");
  CHECK(read[1].parents == Strings{"a1"});
  CHECK(read[1].doc == "second");
}

TEST_CASE("metadata that is not a literal cannot be read unbuilt: the error says where") {
  const std::string source =
      "#define PARENT \"035\"\n\nSDM_REVISION(r, \"036\", PARENT, \"x\", up, "
      "down)\n";
  std::string message;
  try {
    parse_revision_source(source, "/src/036.cpp");
  } catch (const sdm::RevisionError& e) {
    message = e.what();
  }
  CHECK(message ==
        "/src/036.cpp:3: `PARENT` is not a string literal, so the revision cannot be read before "
        "it is built; write it as a literal, or build and install the revision first");
  CHECK(parse_revision_source("#define SDM_REVISION(A, B) A\n", "sdk.hpp").empty());
}

TEST_CASE("Sahara's hand-written revision sources read as its history") {
  const auto read = sdm::cli::read_revision_sources(SDM_SAHARA_SOURCES_DIR);
  REQUIRE(read.size() == 35);
  CHECK(read.front().id == "001");
  CHECK(read.front().parents.empty());
  CHECK(read.back().id == "035");
  CHECK(read.back().parents == Strings{"034"});
  CHECK(read.back().doc.rfind("boot from volume enhancements\n\nRevision ID: 035\n", 0) == 0);
  CHECK(sdm::cli::read_revision_sources(SDM_SAHARA_SOURCES_DIR "/nonexistent").empty());
}
