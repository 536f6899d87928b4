#include "clients/fgcctl/ledger_export_file.h"

#include <algorithm>
#include <set>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"
#include "nlohmann/json.hpp"

namespace fgc::ctl {
namespace {

using Json = nlohmann::ordered_json;

absl::Status Bad(const std::string& where, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(where, ": ", std::string(what)));
}

// "line L, column C" of a byte offset, for a person looking at the file in an editor.
std::string TextPosition(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const size_t line = static_cast<size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const size_t line_start = before.rfind('\n');
  const size_t column = line_start == std::string_view::npos ? offset + 1 : offset - line_start;
  return absl::StrCat("line ", line, ", column ", column);
}

std::string MemberPath(const std::string& where, const std::string& name) {
  return where.empty() ? name : absl::StrCat(where, ".", name);
}

// The object's members must be exactly `names`: a member nobody checks could carry anything.
absl::Status ExpectMembers(const Json& object, const std::string& where,
                           const std::set<std::string>& names) {
  if (!object.is_object()) return Bad(where, "must be a JSON object");
  for (const auto& [key, value] : object.items()) {
    if (!names.contains(key)) {
      return Bad(MemberPath(where, key), "is not a member this format has");
    }
  }
  for (const auto& name : names) {
    if (!object.contains(name)) return Bad(MemberPath(where, name), "is missing");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> StringAt(const Json& object, const std::string& where,
                                     const std::string& name) {
  const Json& value = object.at(name);
  if (!value.is_string()) return Bad(MemberPath(where, name), "must be a JSON string");
  return value.get<std::string>();
}

absl::StatusOr<std::string> BytesAt(const Json& value, const std::string& path) {
  if (!value.is_string()) return Bad(path, "must be a base64 JSON string");
  auto bytes = crypto::Base64Decode(value.get<std::string>());
  if (!bytes.ok()) return Bad(path, "is not canonical padded base64");
  return *std::move(bytes);
}

absl::StatusOr<uint64_t> CountAt(const Json& value, const std::string& path) {
  if (!value.is_number_unsigned()) return Bad(path, "must be a non-negative integer");
  return value.get<uint64_t>();
}

absl::StatusOr<ExportedEntry> ParseEntry(const Json& json, size_t position) {
  const std::string where = absl::StrCat("entries[", position, "]");
  if (absl::Status s =
          ExpectMembers(json, where, {"index", "leaf_data", "leaf_hash", "inclusion_proof"});
      !s.ok()) {
    return s;
  }
  ExportedEntry entry;
  auto index = CountAt(json.at("index"), where + ".index");
  if (!index.ok()) return index.status();
  entry.index = *index;
  auto leaf_data = BytesAt(json.at("leaf_data"), where + ".leaf_data");
  if (!leaf_data.ok()) return leaf_data.status();
  entry.leaf_data = *std::move(leaf_data);
  auto leaf_hash = BytesAt(json.at("leaf_hash"), where + ".leaf_hash");
  if (!leaf_hash.ok()) return leaf_hash.status();
  entry.leaf_hash = *std::move(leaf_hash);
  const Json& proof = json.at("inclusion_proof");
  if (!proof.is_array()) return Bad(where + ".inclusion_proof", "must be a JSON array");
  for (size_t i = 0; i < proof.size(); ++i) {
    auto hash = BytesAt(proof[i], absl::StrCat(where, ".inclusion_proof[", i, "]"));
    if (!hash.ok()) return hash.status();
    entry.inclusion_proof.push_back(*std::move(hash));
  }
  return entry;
}

absl::Status ParseCheckpoint(const Json& json, LedgerExport& out) {
  if (absl::Status s = ExpectMembers(json, "checkpoint", {"tree_size", "root_hash", "note"});
      !s.ok()) {
    return s;
  }
  auto size = CountAt(json.at("tree_size"), "checkpoint.tree_size");
  if (!size.ok()) return size.status();
  out.tree_size = *size;
  auto root = BytesAt(json.at("root_hash"), "checkpoint.root_hash");
  if (!root.ok()) return root.status();
  out.root_hash = *std::move(root);
  auto note = StringAt(json, "checkpoint", "note");
  if (!note.ok()) return note.status();
  out.note = *std::move(note);
  return absl::OkStatus();
}

absl::StatusOr<LedgerExport> ParseTopLevel(const Json& json) {
  if (absl::Status s = ExpectMembers(
          json, "", {"format", "tenant", "origin", "verifier_key", "checkpoint", "entries"});
      !s.ok()) {
    return s;
  }
  auto format = StringAt(json, "", "format");
  if (!format.ok()) return format.status();
  if (*format != kLedgerExportFormat) {
    return Bad("format", absl::StrCat("is \"", *format, "\"; this fgcctl reads \"",
                                      std::string(kLedgerExportFormat), "\""));
  }
  LedgerExport out;
  for (auto [name, field] : {std::pair{"tenant", &out.tenant}, std::pair{"origin", &out.origin},
                             std::pair{"verifier_key", &out.verifier_key}}) {
    auto value = StringAt(json, "", name);
    if (!value.ok()) return value.status();
    *field = *std::move(value);
  }
  if (absl::Status s = ParseCheckpoint(json.at("checkpoint"), out); !s.ok()) return s;
  const Json& entries = json.at("entries");
  if (!entries.is_array()) return Bad("entries", "must be a JSON array");
  out.entries.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    auto entry = ParseEntry(entries[i], i);
    if (!entry.ok()) return entry.status();
    out.entries.push_back(*std::move(entry));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::string> FormatLedgerExport(const LedgerExport& ledger_export) {
  Json entries = Json::array();
  for (const auto& e : ledger_export.entries) {
    Json proof = Json::array();
    for (const auto& h : e.inclusion_proof) proof.push_back(crypto::Base64Encode(h));
    entries.push_back({{"index", e.index},
                       {"leaf_data", crypto::Base64Encode(e.leaf_data)},
                       {"leaf_hash", crypto::Base64Encode(e.leaf_hash)},
                       {"inclusion_proof", std::move(proof)}});
  }
  Json out{{"format", kLedgerExportFormat},
           {"tenant", ledger_export.tenant},
           {"origin", ledger_export.origin},
           {"verifier_key", ledger_export.verifier_key},
           {"checkpoint",
            {{"tree_size", ledger_export.tree_size},
             {"root_hash", crypto::Base64Encode(ledger_export.root_hash)},
             {"note", ledger_export.note}}},
           {"entries", std::move(entries)}};
  try {
    return out.dump(1) + "\n";
  } catch (const Json::type_error&) {
    return absl::DataLossError("the service sent a checkpoint or name that is not UTF-8 text");
  }
}

absl::StatusOr<LedgerExport> ParseLedgerExport(std::string_view text) {
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // e.byte is 1-based: the position just after the offending character.
    const size_t at = e.byte > 0 ? e.byte - 1 : 0;
    return absl::InvalidArgumentError(
        absl::StrCat(TextPosition(text, at), ": not valid JSON (the file was altered or cut)"));
  }
  return ParseTopLevel(json);
}

}  // namespace fgc::ctl
