#include "cli/redacting_stream.hpp"

#include "sdm/secret.hpp"

namespace sdm::cli {

RedactingStream::RedactingStream(std::ostream& target) : std::ostream(nullptr), buffer_(target) {
  rdbuf(&buffer_);
}

RedactingStream::~RedactingStream() {
  buffer_.emit();
}

void RedactingStream::add_secrets(const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets)
    if (!secret.empty()) buffer_.secrets.push_back(secret);
}

void RedactingStream::LineBuffer::emit() {
  if (pending_.empty()) return;
  target_ << without_secrets(std::move(pending_), secrets);
  pending_.clear();
}

// A secret split across two writes of one line is still found: lines go out whole.
void RedactingStream::LineBuffer::emit_complete_lines() {
  const auto end = pending_.rfind('\n');
  if (end == std::string::npos) return;
  target_ << without_secrets(pending_.substr(0, end + 1), secrets);
  pending_.erase(0, end + 1);
}

RedactingStream::LineBuffer::int_type RedactingStream::LineBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  pending_ += traits_type::to_char_type(c);
  if (traits_type::to_char_type(c) == '\n') emit_complete_lines();
  return c;
}

std::streamsize RedactingStream::LineBuffer::xsputn(const char* text, std::streamsize count) {
  pending_.append(text, static_cast<std::size_t>(count));
  emit_complete_lines();
  return count;
}

int RedactingStream::LineBuffer::sync() {
  emit();
  target_.flush();
  return target_ ? 0 : -1;
}

}  // namespace sdm::cli
