#include "clients/fgcctl/power_flags.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/journey_arguments.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

// The time part of `METHOD[@TIME]`: "now" when there is none.
std::string ToldTime(const std::string& told) {
  const size_t at = told.find('@');
  return at == std::string::npos ? "now" : told.substr(at + 1);
}

absl::StatusOr<v1::FamilyTold> FamilyToldFromFlags(const PowerFlags& flags, absl::Time now) {
  v1::FamilyTold told;
  if (!flags.told.empty()) {
    auto method = ParseEnumWord<v1::TellMethod>(flags.told.substr(0, flags.told.find('@')));
    if (!method.ok()) return FlagError("--told", method.status());
    auto when = ParseTime(ToldTime(flags.told), now);
    if (!when.ok()) return FlagError("--told", when.status());
    told.set_told(true);
    told.set_method(*method);
    *told.mutable_tell_time() = *when;
  } else if (!flags.not_told.empty()) {
    told.set_told(false);
    told.set_not_told_reason(flags.not_told);
  }
  told.set_told_by(flags.told_by);
  return told;
}

}  // namespace

absl::StatusOr<PowerRecord> PowerRecordFromFlags(const PowerFlags& flags, absl::Time now) {
  PowerRecord record;
  if (!flags.statute.empty() || !flags.section.empty()) {
    v1::LegalBasis& basis = record.legal_basis.emplace();
    basis.set_statute(flags.statute);
    basis.set_section(flags.section);
    basis.set_jurisdiction(flags.jurisdiction);
    basis.set_description(flags.legal_description);
  }
  if (!flags.told.empty() && !flags.not_told.empty()) {
    return absl::InvalidArgumentError("give --told or --not-told, not both");
  }
  if (!flags.told.empty() || !flags.not_told.empty() || !flags.told_by.empty()) {
    auto told = FamilyToldFromFlags(flags, now);
    if (!told.ok()) return told.status();
    record.family_told = *std::move(told);
  }
  return record;
}

std::string ToldRetryFlag(const PowerFlags& flags, const v1::FamilyTold& told) {
  if (flags.told.empty() || absl::AsciiStrToLower(ToldTime(flags.told)) != "now") return "";
  return absl::StrCat(" --told ", flags.told.substr(0, flags.told.find('@')), "@",
                      google::protobuf::util::TimeUtil::ToString(told.tell_time()));
}

}  // namespace fgc::ctl
