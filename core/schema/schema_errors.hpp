// Errors of the schema model, in the host's hierarchy (exit code of a revision error).
#pragma once

#include "common/errors.hpp"

namespace sdm::schema {

/// An op contradicts what the model knows about a table: it adds a column that exists, drops
/// one that does not, creates a table that is there... The message names the op and the table.
class SchemaConflictError : public RevisionError {
 public:
  using RevisionError::RevisionError;
};

/// An op cannot be undone automatically; the message names the op and says why.
class IrreversibleOpError : public RevisionError {
 public:
  using RevisionError::RevisionError;
};

}  // namespace sdm::schema
