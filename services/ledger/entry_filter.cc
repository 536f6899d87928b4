#include "services/ledger/entry_filter.h"

#include <cctype>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/encoding.h"
#include "common/crypto/sha256.h"
#include "fgc/v1/ledger_entry.pb.h"

namespace fgc::ledger {
namespace {

absl::Status Bad(std::string_view why) {
  return InvalidArgument("INVALID_FILTER", absl::StrCat("filter: ", std::string(why)),
                         {{"filter", std::string(why)}});
}

struct Comparison {
  std::string field;
  std::string op;
  std::string value;  // unquoted
};

// Splits `a = "x" AND b >= 3` into comparisons; values are bare words or double-quoted strings
// (a backslash escapes the next character).
absl::StatusOr<std::vector<Comparison>> Tokenize(std::string_view text) {
  std::vector<Comparison> out;
  size_t i = 0;
  auto skip_space = [&] {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  };
  auto word = [&] {
    size_t start = i;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                               text[i] == '_' || text[i] == '-' || text[i] == '.')) {
      ++i;
    }
    return std::string(text.substr(start, i - start));
  };
  skip_space();
  if (i == text.size()) return out;
  while (true) {
    Comparison c;
    skip_space();
    c.field = word();
    if (c.field.empty()) return Bad("expected a field name");
    skip_space();
    for (const char* op : {">=", "<=", "!=", "=", "<", ">"}) {
      if (text.substr(i).rfind(op, 0) == 0) {
        c.op = op;
        i += c.op.size();
        break;
      }
    }
    if (c.op.empty()) return Bad(absl::StrCat("expected a comparison after ", c.field));
    skip_space();
    if (i < text.size() && text[i] == '"') {
      ++i;
      while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        c.value.push_back(text[i++]);
      }
      if (i == text.size()) return Bad("unterminated string");
      ++i;
    } else {
      c.value = word();
      if (c.value.empty()) return Bad(absl::StrCat("expected a value for ", c.field));
    }
    out.push_back(std::move(c));
    skip_space();
    if (i == text.size()) return out;
    if (word() != "AND") return Bad("comparisons are joined by AND");
  }
}

absl::Status ApplyRange(const Comparison& c, std::optional<absl::Time>* from,
                        std::optional<absl::Time>* to) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, c.value, &t, &error)) {
    return Bad(absl::StrCat(c.field, " takes an RFC 3339 time"));
  }
  if (c.op == ">=")
    *from = t;
  else if (c.op == ">")
    *from = t + absl::Nanoseconds(1);
  else if (c.op == "<")
    *to = t;
  else if (c.op == "<=")
    *to = t + absl::Nanoseconds(1);
  else
    return Bad(absl::StrCat(c.field, " takes >=, >, < or <="));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<EntryFilter> ParseEntryFilter(std::string_view text) {
  if (text.size() > 2000) return Bad("longer than 2,000 characters");
  auto comparisons = Tokenize(text);
  if (!comparisons.ok()) return comparisons.status();
  EntryFilter f;
  for (const Comparison& c : *comparisons) {
    if (c.field == "conference" || c.field == "subject") {
      if (c.op != "=") return Bad(absl::StrCat(c.field, " takes ="));
      (c.field == "conference" ? f.conference : f.subject) = c.value;
    } else if (c.field == "kind") {
      v1::LedgerEntryKind kind;
      if (c.op != "=" || !v1::LedgerEntryKind_Parse(c.value, &kind) ||
          kind == v1::LEDGER_ENTRY_KIND_UNSPECIFIED) {
        return Bad("kind takes = and a LEDGER_ENTRY_KIND_ value");
      }
      f.kind = kind;
    } else if (c.field == "index") {
      int64_t n;
      if (!absl::SimpleAtoi(c.value, &n) || n < 0) return Bad("index takes a whole number");
      if (c.op == ">=")
        f.index_from = std::max(f.index_from, n);
      else if (c.op == ">")
        f.index_from = std::max(f.index_from, n + 1);
      else if (c.op == "<")
        f.index_to = n;
      else if (c.op == "<=")
        f.index_to = n + 1;
      else if (c.op == "=")
        f.index_from = n, f.index_to = n + 1;
      else
        return Bad("index takes =, >=, >, < or <=");
    } else if (c.field == "occur_time") {
      if (absl::Status s = ApplyRange(c, &f.occur_from, &f.occur_to); !s.ok()) return s;
    } else if (c.field == "record_time") {
      if (absl::Status s = ApplyRange(c, &f.record_from, &f.record_to); !s.ok()) return s;
    } else {
      return Bad(absl::StrCat("unknown field ", c.field,
                              "; filter on conference, subject, kind, index, occur_time or "
                              "record_time"));
    }
  }
  return f;
}

std::string MakePageToken(int64_t next_index, std::string_view filter) {
  const std::string bind = crypto::HexEncode(crypto::Sha256(filter)).substr(0, 16);
  return crypto::Base64UrlEncode(absl::StrCat("e1:", next_index, ":", bind));
}

absl::StatusOr<int64_t> ParsePageToken(std::string_view token, std::string_view filter) {
  auto bad = [] {
    return InvalidArgument("INVALID_PAGE_TOKEN",
                           "page_token is not one this list gave for this filter",
                           {{"page_token", "use the next_page_token of the same list"}});
  };
  auto text = crypto::Base64UrlDecode(token);
  if (!text.ok()) return bad();
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t colon; (colon = text->find(':', start)) != std::string::npos; start = colon + 1) {
    parts.push_back(text->substr(start, colon - start));
  }
  parts.push_back(text->substr(start));
  int64_t index;
  if (parts.size() != 3 || parts[0] != "e1" || !absl::SimpleAtoi(parts[1], &index) || index < 0 ||
      parts[2] != crypto::HexEncode(crypto::Sha256(filter)).substr(0, 16)) {
    return bad();
  }
  return index;
}

}  // namespace fgc::ledger
