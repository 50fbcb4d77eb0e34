#include "graph/revision.hpp"

#include "graph/python_text.hpp"

namespace sdm::graph {

std::string Revision::long_doc() const {
  return std::string(python_strip(info_.doc));
}

std::string Revision::message() const {
  std::string text = long_doc();
  // Alembic splits on the first blank line exactly ("\n\n"), not on any whitespace.
  std::size_t paragraph_end = text.find("\n\n");
  return paragraph_end == std::string::npos ? text : text.substr(0, paragraph_end);
}

}  // namespace sdm::graph
