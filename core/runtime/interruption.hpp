// An interrupted revision step as the commands see it: which migration step its progress
// record is about, the version-table rows once that step is done (a run that goes the other
// way plans from there and undoes what ran), whether the record is stale, and how `current`
// and `history` show it.
#pragma once

#include <string>
#include <vector>

#include "graph/migration_step.hpp"
#include "graph/revision_map.hpp"
#include "runtime/progress_table.hpp"

namespace sdm::runtime {

/// The step the record is about; throws DatabaseError when the revision is not known here.
graph::MigrationStep interrupted_step(const graph::RevisionMap& map, const StepProgress& progress);

/// The version-table rows once the interrupted step is done, from the rows it started from.
std::vector<std::string> heads_once_done(const graph::RevisionMap& map,
                                         const std::vector<std::string>& rows,
                                         const StepProgress& progress);

/// Whether the version table already records the step as done (stamped by another tool after
/// the interruption): then the record is stale and the schema is the operator's word.
bool recorded_as_done(const graph::RevisionMap& map, const std::vector<std::string>& rows,
                      const StepProgress& progress);

/// "interrupted at op 3 of 5" ("downgrade interrupted at ...", "interrupted while undoing ...").
std::string interruption_point(const StepProgress& progress);

/// "interrupted at op 3 of 5; run upgrade to finish it", as `current` shows it.
std::string interruption_summary(const StepProgress& progress);

/// When, where and by whom it stopped, and the error that stopped it, in one paragraph.
std::string interruption_details(const StepProgress& progress);

}  // namespace sdm::runtime
