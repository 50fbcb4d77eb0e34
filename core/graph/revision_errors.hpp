// The detailed errors revision lookups raise, and how each command reports them to the user.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/errors.hpp"

namespace sdm::graph {

/// An identifier did not resolve; commands report it as "Can't locate revision identified by
/// '<argument>'".
class ResolutionError : public RevisionError {
 public:
  ResolutionError(const std::string& message, std::string argument)
      : RevisionError(message), argument_(std::move(argument)) {}
  const std::string& argument() const { return argument_; }

 private:
  std::string argument_;
};

/// A symbol meant to name one head names several.
class MultipleHeadsError : public RevisionError {
 public:
  MultipleHeadsError(std::vector<std::string> heads, std::string argument);
  const std::vector<std::string>& heads() const { return heads_; }
  const std::string& argument() const { return argument_; }

 private:
  std::vector<std::string> heads_;
  std::string argument_;
};

/// The two ends of a requested range are not on one line of descent.
class RangeNotAncestorError : public RevisionError {
 public:
  /// `lower` and `upper` are already printed the way Python's `%s` prints them.
  RangeNotAncestorError(std::string lower, std::string upper);
  const std::string& lower() const { return lower_; }
  const std::string& upper() const { return upper_; }

 private:
  std::string lower_;
  std::string upper_;
};

/// How a command words the errors of the lookups it runs.
struct CommandErrorTexts {
  /// Wording for RangeNotAncestorError.
  enum class Ancestor { RequestedRange, UpgradeDestination, DowngradeDestination };
  Ancestor ancestor = Ancestor::RequestedRange;
  /// Replaces the default "Multiple head revisions are present ..." text when set.
  std::optional<std::string> multiple_heads;
  std::optional<std::string> start;
  std::optional<std::string> end;
};

/// Rethrows the exception being handled as the plain RevisionError the command shows.
/// Call only inside a catch block.
[[noreturn]] void rethrow_as_command_error(const CommandErrorTexts& texts);

/// Runs `lookup` and rewords any revision error the way the command reports it.
template <class Lookup>
auto with_command_errors(const CommandErrorTexts& texts, Lookup&& lookup) -> decltype(lookup()) {
  try {
    return lookup();
  } catch (const RevisionError&) {
    rethrow_as_command_error(texts);
  }
}

}  // namespace sdm::graph
