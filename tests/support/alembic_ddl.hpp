// Sahara's golden SQL: the DDL Alembic writes for each revision (tests/data), and what the real
// revision plugins render, so a dialect's suite compares the two statement by statement.
// Needs SDM_TEST_DATA_DIR and SDM_SAHARA_REVISIONS_DIR.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "runtime/revision_catalog.hpp"
#include "schema/schema_model.hpp"
#include "sdm/dialect.hpp"

namespace sdm::test {

/// Statements per revision id, without terminators. Sahara's ids ("001" to "035") sort in the
/// order the revisions run.
using RevisionStatements = std::map<std::string, std::vector<std::string>>;

/// Alembic's offline DDL for `dialect` ("sqlite", "postgresql", "mysql"), revision by revision,
/// from SDM_TEST_DATA_DIR/alembic_offline_<dialect>.sql. Throws std::runtime_error when the file
/// cannot be read or is not in its format.
RevisionStatements read_alembic_ddl(const std::string& dialect);

/// `statement` as the data files write it: SQLAlchemy ends a line with ", " before the newline,
/// the data files with ",". Nothing else differs.
std::string as_in_data_file(std::string statement);

/// Sahara's revision plugins (SDM_SAHARA_REVISIONS_DIR), inspected once.
const runtime::RevisionCatalog& sahara_revisions();

/// The ids of Sahara's revisions, oldest first.
std::vector<std::string> sahara_revision_ids();

/// What revision `id`'s upgrade (or downgrade) renders to on `dialect`, each op applied to
/// `model` once rendered, as the host does.
std::vector<std::string> render_revision(const Dialect& dialect, const std::string& id,
                                         bool upgrade, schema::SchemaModel& model);

/// Every Sahara upgrade rendered on `dialect`, from an empty schema to the head.
RevisionStatements render_sahara_upgrades(const Dialect& dialect);

/// A deliberate difference: checks that `expected` (Alembic's) holds `alembic` for revision `id`,
/// then expects `instead` there.
void differs_from_alembic(RevisionStatements& expected, const std::string& id,
                          const std::vector<std::string>& alembic,
                          std::vector<std::string> instead);

/// Checks, statement by statement, that each revision of `rendered` is `expected`'s (after
/// as_in_data_file), but for the revisions in `checked_elsewhere`; both must hold the same
/// revisions. Returns how many revisions were compared.
int check_revisions(const RevisionStatements& rendered, const RevisionStatements& expected,
                    const std::set<std::string>& checked_elsewhere = {});

}  // namespace sdm::test
