#include "clients/fgcctl/ledger_text.h"

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/crypto/random.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "services/ledger/entry/ledger_names.h"

namespace fgc::ctl {
namespace {

using google::protobuf::EnumDescriptor;
using google::protobuf::util::TimeUtil;

// The words an enum accepts: each value's name without the type's prefix, in lower case.
absl::StatusOr<int> ParseEnumWord(const EnumDescriptor* type, const std::string& prefix,
                                  const std::string& word) {
  const std::string upper = absl::AsciiStrToUpper(word);
  std::vector<std::string> accepted;
  for (int i = 1; i < type->value_count(); ++i) {
    const std::string& name = type->value(i)->name();
    if (upper == name || prefix + upper == name) return type->value(i)->number();
    accepted.push_back(absl::AsciiStrToLower(name.substr(prefix.size())));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"", word, "\" is not one of: ", absl::StrJoin(accepted, ", ")));
}

// "CONSENT_GIVEN" for LEDGER_ENTRY_KIND_CONSENT_GIVEN: the value's name without its prefix.
std::string ShortName(const EnumDescriptor* type, int number, const char* prefix) {
  const auto* value = type->FindValueByNumber(number);
  if (value == nullptr) return absl::StrCat(number);
  const std::string& name = value->name();
  return absl::StartsWith(name, prefix) ? name.substr(std::strlen(prefix)) : name;
}

void Line(std::string& out, const char* label, const std::string& value) {
  if (value.empty()) return;
  absl::StrAppend(&out, "  ", label,
                  std::string(13 - std::min<size_t>(12, std::strlen(label)), ' '), value, "\n");
}

std::string PartyText(const v1::Party& p) {
  std::string who = !p.member().empty() ? p.member() : p.agency();
  if (!p.display_name().empty()) absl::StrAppend(&who, " (", p.display_name(), ")");
  return who;
}

void DescribeConsent(const v1::ConsentDetails& c, std::string& out) {
  Line(out, "purpose", ShortName(v1::ConsentPurpose_descriptor(), c.purpose(), "CONSENT_PURPOSE_"));
  Line(out, "grantor", PartyText(c.grantor()));
  std::vector<std::string> grantees;
  for (const auto& g : c.grantees()) grantees.push_back(PartyText(g));
  Line(out, "grantees", absl::StrJoin(grantees, ", "));
  Line(out, "method",
       ShortName(v1::CollectionMethod_descriptor(), c.collection_method(), "COLLECTION_METHOD_"));
  Line(out, "language", c.language_code());
  Line(out, "notice", c.notice_version());
  if (c.has_expire_time()) Line(out, "expires", TimeUtil::ToString(c.expire_time()));
  Line(out, "reason", c.reason());
}

void DescribePower(const v1::PowerDetails& p, std::string& out) {
  Line(out, "power", ShortName(v1::PowerKind_descriptor(), p.power(), "POWER_KIND_"));
  if (p.has_legal_basis()) {
    Line(out, "legal basis",
         absl::StrCat(p.legal_basis().statute(), " ", p.legal_basis().section()));
  }
  Line(out, "reasons", p.reasons());
  if (p.has_family_told()) Line(out, "family told", p.family_told().told() ? "yes" : "no");
  if (p.overridden_purpose() != v1::CONSENT_PURPOSE_UNSPECIFIED) {
    Line(out, "overrides",
         ShortName(v1::ConsentPurpose_descriptor(), p.overridden_purpose(), "CONSENT_PURPOSE_"));
  }
}

}  // namespace

std::string EntryNameArgument(const std::string& tenant, const std::string& argument) {
  int64_t index = 0;
  if (!argument.empty() && absl::SimpleAtoi(argument, &index) && index >= 0) {
    return ledger::FormatEntryName(tenant, index);
  }
  return argument;
}

absl::StatusOr<v1::ConsentPurpose> ParsePurpose(const std::string& word) {
  auto n = ParseEnumWord(v1::ConsentPurpose_descriptor(), "CONSENT_PURPOSE_", word);
  if (!n.ok()) return n.status();
  return static_cast<v1::ConsentPurpose>(*n);
}

absl::StatusOr<v1::CollectionMethod> ParseCollectionMethod(const std::string& word) {
  auto n = ParseEnumWord(v1::CollectionMethod_descriptor(), "COLLECTION_METHOD_", word);
  if (!n.ok()) return n.status();
  return static_cast<v1::CollectionMethod>(*n);
}

absl::StatusOr<std::string> RequestIdOrNew(const std::string& given) {
  if (!given.empty()) return given;
  return NewRequestId();
}

absl::StatusOr<std::string> NewRequestId() {
  auto bytes = crypto::RandomBytes(16);
  if (!bytes.ok()) return bytes.status();
  (*bytes)[6] = static_cast<char>((static_cast<unsigned char>((*bytes)[6]) & 0x0f) | 0x40);
  (*bytes)[8] = static_cast<char>((static_cast<unsigned char>((*bytes)[8]) & 0x3f) | 0x80);
  const std::string hex = absl::BytesToHexString(*bytes);
  return absl::StrCat(hex.substr(0, 8), "-", hex.substr(8, 4), "-", hex.substr(12, 4), "-",
                      hex.substr(16, 4), "-", hex.substr(20));
}

nlohmann::ordered_json ProtoJson(const google::protobuf::Message& message) {
  std::string text;
  if (!google::protobuf::util::MessageToJsonString(message, &text).ok()) {
    return nlohmann::ordered_json::object();
  }
  return nlohmann::ordered_json::parse(text, nullptr, false);
}

std::string DescribeEntry(const v1::LedgerEntry& e) {
  std::string out = absl::StrCat(
      e.name(), "  ", ShortName(v1::LedgerEntryKind_descriptor(), e.kind(), "LEDGER_ENTRY_KIND_"),
      e.erased() ? "  (personal details erased)" : "", "\n");
  Line(out, "conference", e.conference());
  Line(out, "subject", e.subject());
  Line(out, "decision", e.decision());
  if (e.has_occur_time()) Line(out, "occurred", TimeUtil::ToString(e.occur_time()));
  if (e.has_record_time()) Line(out, "recorded", TimeUtil::ToString(e.record_time()));
  if (e.has_actor()) {
    Line(out, "actor",
         absl::StrCat(e.actor().subject(), " (",
                      ShortName(v1::ActorRole_descriptor(), e.actor().role(), "ACTOR_ROLE_"),
                      e.actor().agency().empty() ? "" : ", agency " + e.actor().agency(), ")"));
  }
  Line(out, "supersedes", e.supersedes());
  Line(out, "related", e.related_resource());
  if (e.has_consent()) DescribeConsent(e.consent(), out);
  if (e.has_power()) DescribePower(e.power(), out);
  Line(out, "leaf hash", HexBytes(e.leaf_hash()));
  return out;
}

std::string EntrySummaryLine(const v1::LedgerEntry& e) {
  std::string decision = e.decision();
  if (decision.size() > 60) decision = decision.substr(0, 57) + "...";
  return absl::StrCat(e.index(), "\t",
                      ShortName(v1::LedgerEntryKind_descriptor(), e.kind(), "LEDGER_ENTRY_KIND_"),
                      "\t", e.has_occur_time() ? TimeUtil::ToString(e.occur_time()) : "-", "\t",
                      e.subject(), "\t", decision);
}

std::string HexBytes(const std::string& bytes) { return absl::BytesToHexString(bytes); }

int ReportLocalFailure(const std::string& message, int exit_code, bool json) {
  if (json) {
    std::cerr << nlohmann::ordered_json{{"error", message}}.dump() << std::endl;
  } else {
    std::cerr << "error: " << message << std::endl;
  }
  return exit_code;
}

}  // namespace fgc::ctl
