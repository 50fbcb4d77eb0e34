#include "loader/plugin_metadata.hpp"

#include <algorithm>
#include <cstring>

namespace sdm::loader {
namespace {

/// Reads NUL-terminated fields from a byte range.
class FieldReader {
 public:
  FieldReader(const char* begin, const char* end) : at_(begin), end_(end) {}

  /// Skips the NUL padding a compiler may put between records; false at the end.
  bool next_record() {
    while (at_ < end_ && *at_ == '\0')
      ++at_;
    return at_ < end_;
  }
  std::string field(const char* record_tag) {
    const char* stop = static_cast<const char*>(std::memchr(at_, '\0', end_ - at_));
    if (stop == nullptr)
      throw MetadataError(std::string("malformed plugin metadata: truncated ") + record_tag +
                          " record");
    std::string value(at_, stop);
    at_ = stop + 1;
    return value;
  }

 private:
  const char* at_;
  const char* end_;
};

RevisionMetadata read_revision(FieldReader& in) {
  const char* tag = "sdm:revision";
  RevisionMetadata r;
  r.id = in.field(tag);
  r.parents = split_list(in.field(tag));
  r.depends_on = split_list(in.field(tag));
  r.branch_labels = split_list(in.field(tag));
  r.doc = in.field(tag);
  return r;
}

}  // namespace

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(start, comma - start);
    auto first = item.find_first_not_of(" \t\n");
    auto last = item.find_last_not_of(" \t\n");
    if (first != std::string::npos) items.push_back(item.substr(first, last - first + 1));
    start = comma + 1;
  }
  return items;
}

RevisionMetadata parse_revision_record(const char* record) {
  // The tag and five fields, each NUL-terminated by the compiler.
  const char* end = record;
  for (int field = 0; field < 6; ++field)
    end += std::strlen(end) + 1;
  FieldReader in(record, end);
  if (in.field("sdm:revision") != "sdm:revision")
    throw MetadataError("malformed plugin metadata: a revision entry points to no revision record");
  return read_revision(in);
}

void read_source_section(std::string_view bytes, PluginMetadata& meta) {
  const char* tag = "sdm:source";
  FieldReader in(bytes.data(), bytes.data() + bytes.size());
  while (in.next_record()) {
    if (in.field(tag) != tag)
      throw MetadataError("malformed plugin metadata: the sdm_source section holds another record");
    std::string id = in.field(tag);
    std::string path = in.field(tag);
    for (RevisionMetadata& revision : meta.revisions) {
      if (revision.id == id) revision.source = path;
    }
  }
}

PluginMetadata parse_metadata_section(std::string_view bytes) {
  PluginMetadata meta;
  int plugin_records = 0;
  FieldReader in(bytes.data(), bytes.data() + bytes.size());
  while (in.next_record()) {
    std::string tag = in.field("metadata");
    if (tag == "sdm:plugin") {
      ++plugin_records;
      meta.abi_version = in.field("sdm:plugin");
      meta.kind = in.field("sdm:plugin");
      meta.build_key = in.field("sdm:plugin");
    } else if (tag == "sdm:revision") {
      meta.revisions.push_back(read_revision(in));
    } else if (tag == "sdm:driver") {
      DriverMetadata d;
      d.name = in.field("sdm:driver");
      d.schemes = split_list(in.field("sdm:driver"));
      meta.drivers.push_back(std::move(d));
    } else {
      throw MetadataError("malformed plugin metadata: unknown record '" + tag + "'");
    }
  }
  // The compiler lays out a file's records in no promised order; several revisions of one
  // file load in id order, so listings and tie-breaks are the same whatever built it.
  std::sort(meta.revisions.begin(), meta.revisions.end(),
            [](const RevisionMetadata& a, const RevisionMetadata& b) { return a.id < b.id; });
  if (plugin_records == 0)
    throw MetadataError(
        "malformed plugin metadata: no plugin declaration (SDM_REVISION_PLUGIN or "
        "SDM_DRIVER_PLUGIN)");
  if (plugin_records > 1)
    throw MetadataError(
        "more than one plugin declaration: link one SDM_REVISION_PLUGIN or SDM_DRIVER_PLUGIN per "
        "shared object");
  return meta;
}

}  // namespace sdm::loader
