#include "services/ledger/log/checkpoint.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"
#include "services/ledger/log/merkle.h"

namespace fgc::ledger::log {
namespace {

absl::Status CheckLine(std::string_view what, std::string_view line) {
  if (line.empty() || line.find('\n') != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("checkpoint ", std::string(what), " must be one non-empty line"));
  }
  return absl::OkStatus();
}

// ASCII decimal without sign or leading zeros ("0" alone for zero), at most kMaxTreeSize.
absl::StatusOr<uint64_t> ParseSize(std::string_view digits) {
  const auto invalid = [] {
    return absl::InvalidArgumentError("checkpoint size is not a canonical decimal tree size");
  };
  if (digits.empty() || (digits.size() > 1 && digits[0] == '0')) return invalid();
  uint64_t size = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return invalid();
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (size > (kMaxTreeSize - digit) / 10) return invalid();
    size = size * 10 + digit;
  }
  return size;
}

// The lines of a text that ends in a newline, without their newlines.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

absl::Status Checkpoint::Validate() const {
  if (absl::Status s = CheckLine("origin", origin); !s.ok()) return s;
  for (const std::string& extension : extensions) {
    if (absl::Status s = CheckLine("extension", extension); !s.ok()) return s;
  }
  if (size > kMaxTreeSize) {
    return absl::InvalidArgumentError(absl::StrCat("checkpoint size ", size, " is too large"));
  }
  if (root.size() != kHashSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("checkpoint root is ", root.size(), " bytes, not ", kHashSize));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> Checkpoint::Format() const {
  if (absl::Status s = Validate(); !s.ok()) return s;
  std::string text = absl::StrCat(origin, "\n", size, "\n", crypto::Base64Encode(root), "\n");
  for (const std::string& extension : extensions) absl::StrAppend(&text, extension, "\n");
  if (absl::Status s = CheckNoteText(text); !s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("checkpoint cannot be a note text: ", s.message()));
  }
  return text;
}

absl::StatusOr<Checkpoint> Checkpoint::Parse(std::string_view text) {
  if (absl::Status s = CheckNoteText(text); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("checkpoint text: ", s.message()));
  }
  const std::vector<std::string_view> lines = SplitLines(text);
  if (lines.size() < 3) {
    return absl::InvalidArgumentError("checkpoint needs origin, size and root hash lines");
  }
  Checkpoint checkpoint;
  checkpoint.origin = std::string(lines[0]);
  absl::StatusOr<uint64_t> size = ParseSize(lines[1]);
  if (!size.ok()) return size.status();
  checkpoint.size = *size;
  absl::StatusOr<std::string> root = crypto::Base64Decode(lines[2]);
  if (!root.ok() || root->size() != kHashSize) {
    return absl::InvalidArgumentError("checkpoint root hash is not base64 of 32 bytes");
  }
  checkpoint.root = *std::move(root);
  for (size_t i = 3; i < lines.size(); ++i) checkpoint.extensions.emplace_back(lines[i]);
  if (absl::Status s = checkpoint.Validate(); !s.ok()) return s;
  return checkpoint;
}

absl::StatusOr<Checkpoint> OpenCheckpoint(std::string_view note, const NoteVerifier& verifier,
                                          std::string_view origin) {
  absl::StatusOr<std::string> text = verifier.Verify(note);
  if (!text.ok()) return text.status();
  absl::StatusOr<Checkpoint> checkpoint = Checkpoint::Parse(*text);
  if (!checkpoint.ok()) return checkpoint.status();
  if (checkpoint->origin != origin) {
    return absl::InvalidArgumentError(absl::StrCat("checkpoint is for log \"", checkpoint->origin,
                                                   "\", not \"", std::string(origin), "\""));
  }
  return checkpoint;
}

}  // namespace fgc::ledger::log
