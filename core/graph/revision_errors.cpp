#include "graph/revision_errors.hpp"

#include "graph/python_text.hpp"

namespace sdm::graph {

MultipleHeadsError::MultipleHeadsError(std::vector<std::string> heads, std::string argument)
    : RevisionError("Multiple heads are present for given argument '" + argument + "'; " +
                    join_comma(heads)),
      heads_(std::move(heads)),
      argument_(std::move(argument)) {}

RangeNotAncestorError::RangeNotAncestorError(std::string lower, std::string upper)
    : RevisionError("Revision " + lower + " is not an ancestor of revision " + upper),
      lower_(std::move(lower)),
      upper_(std::move(upper)) {}

void rethrow_as_command_error(const CommandErrorTexts& texts) {
  try {
    throw;
  } catch (const RangeNotAncestorError& error) {
    std::string start = texts.start.value_or(error.lower());
    std::string end = texts.end.value_or(error.upper());
    switch (texts.ancestor) {
      case CommandErrorTexts::Ancestor::UpgradeDestination:
        throw RevisionError("Destination " + end +
                            " is not a valid upgrade target from current head(s)");
      case CommandErrorTexts::Ancestor::DowngradeDestination:
        throw RevisionError("Destination " + end +
                            " is not a valid downgrade target from current head(s)");
      case CommandErrorTexts::Ancestor::RequestedRange:
        break;
    }
    throw RevisionError("Requested range " + start + ":" + end +
                        " does not refer to ancestor/descendant revisions along the same branch");
  } catch (const MultipleHeadsError& error) {
    if (texts.multiple_heads) throw RevisionError(*texts.multiple_heads);
    std::string argument = texts.end && !texts.end->empty() ? *texts.end : error.argument();
    throw RevisionError("Multiple head revisions are present for given argument '" + argument +
                        "'; please specify a specific target revision, '<branchname>@" + argument +
                        "' to narrow to a specific head, or 'heads' for all heads");
  } catch (const ResolutionError& error) {
    throw RevisionError("Can't locate revision identified by '" + error.argument() + "'");
  } catch (const RevisionError&) {
    throw;
  }
}

}  // namespace sdm::graph
