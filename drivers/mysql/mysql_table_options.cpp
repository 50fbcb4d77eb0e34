// CREATE TABLE options after `)`, as SQLAlchemy's MySQL dialect writes them from mysql_* keyword
// arguments: `)ENGINE=InnoDB CHARSET=utf8`, `DEFAULT CHARSET=utf8 COLLATE utf8_bin`,
// `COMMENT='...'`, partitioning last.
#include <algorithm>
#include <array>
#include <cctype>

#include "mysql/mysql_dialect.hpp"

namespace sdm::mysql {
namespace {

struct TableOption {
  std::string name;  // upper case, underscores as in the keyword: DEFAULT_CHARSET
  std::string value;
};

template <std::size_t N>
bool one_of(const std::string& name, const std::array<const char*, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

const std::array<const char*, 4> kPartitionOptions = {"PARTITION_BY", "PARTITIONS",
                                                      "SUBPARTITION_BY", "SUBPARTITIONS"};
// Options whose value is a string literal.
const std::array<const char*, 3> kQuotedOptions = {"COMMENT", "PASSWORD", "CONNECTION"};
// Options written with spaces for underscores.
const std::array<const char*, 6> kSpacedOptions = {"DATA_DIRECTORY",        "INDEX_DIRECTORY",
                                                   "DEFAULT_CHARACTER_SET", "CHARACTER_SET",
                                                   "DEFAULT_CHARSET",       "DEFAULT_COLLATE"};
// Options joined to their value by a space rather than '='.
const std::array<const char*, 4> kSpaceJoined = {"TABLESPACE", "DEFAULT CHARACTER SET",
                                                 "CHARACTER SET", "COLLATE"};

std::string upper(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string spaced(std::string name) {
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

std::size_t partition_rank(const std::string& name) {
  return static_cast<std::size_t>(
      std::find(kPartitionOptions.begin(), kPartitionOptions.end(), name) -
      kPartitionOptions.begin());
}

}  // namespace

std::string MysqlDialect::render_table_options(const Table& table) const {
  const std::string& prefix = spec().table_option_prefix;
  std::vector<TableOption> options, partitioning;
  for (const auto& [key, value] : table.options) {
    if (key.size() <= prefix.size() || key.compare(0, prefix.size(), prefix) != 0) continue;
    TableOption option{upper(key.substr(prefix.size())), value};
    (one_of(option.name, kPartitionOptions) ? partitioning : options).push_back(option);
  }
  // COLLATE must follow the character set it belongs to; the rest keep their order.
  std::stable_partition(options.begin(), options.end(),
                        [](const TableOption& o) { return o.name != "COLLATE"; });
  std::stable_sort(partitioning.begin(), partitioning.end(),
                   [](const TableOption& a, const TableOption& b) {
                     return partition_rank(a.name) < partition_rank(b.name);
                   });

  std::string rendered;
  auto append = [&](const std::string& text) { rendered += (rendered.empty() ? "" : " ") + text; };
  for (const auto& option : options) {
    const std::string value =
        one_of(option.name, kQuotedOptions) ? render_string_literal(option.value) : option.value;
    const std::string name =
        one_of(option.name, kSpacedOptions) ? spaced(option.name) : option.name;
    append(name + (one_of(name, kSpaceJoined) ? " " : "=") + value);
  }
  for (const auto& option : partitioning)
    append(spaced(option.name) + " " + option.value);
  return rendered;
}

}  // namespace sdm::mysql
