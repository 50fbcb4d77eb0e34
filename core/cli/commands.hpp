// The command implementations; each returns the process exit code.
#pragma once

#include "cli/app_context.hpp"

namespace sdm::cli {

int run_upgrade(AppContext& context);
int run_downgrade(AppContext& context);
int run_stamp(AppContext& context);
int run_ensure_version(AppContext& context);
int run_current(AppContext& context);
int run_history(AppContext& context);
int run_heads(AppContext& context);
int run_branches(AppContext& context);
int run_show(AppContext& context);
int run_edit(AppContext& context);
int run_check_migration(AppContext& context);
int run_init(AppContext& context);
int run_revision(AppContext& context);
int run_merge(AppContext& context);
int run_plugins(AppContext& context);
int run_schema(AppContext& context);
int run_check(AppContext& context);
int run_drift(AppContext& context);

}  // namespace sdm::cli
