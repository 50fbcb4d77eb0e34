// One revision of the benchmark chain: revision k creates t_k (four columns, an index on name)
// and adds a column to t_{k-1}; its downgrade undoes both.
//
// The ids live in writable, hidden globals rather than in literals the code reads, so the
// compiler cannot fold them into instructions: gen_chain.py compiles each plugin shape once and
// stamps every copy with its own same-length ids (see README.md), which turns thousands of
// compiles into file copies. A revision id is "rev" plus six digits; its table is "t_" plus the
// digits.
#pragma once

#include <sdm/revision.hpp>

#include <string>

namespace bench {

inline std::string table_of(const char* id) {
  return std::string("t_") + (id + 3);
}

inline void upgrade_step(sdm::Operations& op, const char* self, const char* previous) {
  const std::string table = table_of(self);
  op.create_table(
      table,
      {sdm::Column("id", sdm::Integer()).not_null().autoincrement(false),
       sdm::Column("name", sdm::String(64)).not_null(), sdm::Column("value", sdm::Integer()),
       sdm::Column("created_at", sdm::DateTime())},
      {sdm::PrimaryKey({"id"})});
  op.create_index("ix_" + table + "_name", table, {"name"});
  if (*previous != '\0') op.add_column(table_of(previous), sdm::Column("next_id", sdm::Integer()));
}

inline void downgrade_step(sdm::Operations& op, const char* self, const char* previous) {
  const std::string table = table_of(self);
  if (*previous != '\0') op.drop_column(table_of(previous), "next_id");
  op.drop_index("ix_" + table + "_name", table);
  op.drop_table(table);
}

}  // namespace bench

/// One chain revision NAME with ids SELF and PREVIOUS ("" for the first revision).
#define BENCH_CHAIN_STEP(NAME, SELF, PREVIOUS)                                            \
  __attribute__((visibility("hidden"))) char bench_self_##NAME[] = SELF;                  \
  __attribute__((visibility("hidden"))) char bench_previous_##NAME[] = PREVIOUS;          \
  static void bench_upgrade_##NAME(sdm::Operations& op) {                                 \
    bench::upgrade_step(op, bench_self_##NAME, bench_previous_##NAME);                    \
  }                                                                                       \
  static void bench_downgrade_##NAME(sdm::Operations& op) {                               \
    bench::downgrade_step(op, bench_self_##NAME, bench_previous_##NAME);                  \
  }                                                                                       \
  SDM_REVISION_EX(NAME, SELF, PREVIOUS, "", "", "chain step " SELF, bench_upgrade_##NAME, \
                  bench_downgrade_##NAME)
