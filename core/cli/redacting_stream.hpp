// Standard error as the operator sees it: every line passes through sdm::without_secrets()
// on its way out, so no message, whoever wrote it (the host, a driver, a revision), can show
// a secret of the database URL. Secrets are added as they become known.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace sdm::cli {

/// An ostream writing whole lines to `target`, each with every known secret hidden.
class RedactingStream : public std::ostream {
 public:
  explicit RedactingStream(std::ostream& target);
  ~RedactingStream() override;
  RedactingStream(const RedactingStream&) = delete;
  RedactingStream& operator=(const RedactingStream&) = delete;

  /// Hides `secrets` (in every spelling a URL allows) from now on.
  void add_secrets(const std::vector<std::string>& secrets);

 private:
  class LineBuffer : public std::streambuf {
   public:
    explicit LineBuffer(std::ostream& target) : target_(target) {}
    std::vector<std::string> secrets;
    /// Writes out what is pending, complete line or not.
    void emit();

   protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

   private:
    void emit_complete_lines();
    std::ostream& target_;
    std::string pending_;
  };
  LineBuffer buffer_;
};

}  // namespace sdm::cli
