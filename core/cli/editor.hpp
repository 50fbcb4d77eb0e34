// Opening a file in the user's editor, the way Alembic's `edit` does.
#pragma once

#include <string>

namespace sdm::cli {

/// Opens `path` in an editor and waits for it to exit: $EDITOR, else $VISUAL (a path, or a
/// name looked up in PATH), else the first of sensible-editor, editor, nano, vim and code on
/// PATH. Throws UsageError "Error executing editor (...)" when none is found, it cannot be
/// started, or it exits with a failure.
void open_in_editor(const std::string& path);

}  // namespace sdm::cli
