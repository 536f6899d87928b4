#include "clients/fgcctl/journey_arguments.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/enum_words.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

using google::protobuf::util::TimeUtil;

absl::Status Refuse(const std::string& text, const std::string& expected) {
  return absl::InvalidArgumentError(absl::StrCat("\"", text, "\": expected ", expected));
}

google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}

absl::Time FromTimestamp(const google::protobuf::Timestamp& t) {
  return absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(t));
}

}  // namespace

absl::Status FlagError(const std::string& flag, const absl::Status& status) {
  return absl::InvalidArgumentError(absl::StrCat(flag, ": ", status.message()));
}

void SetIfGiven(const std::string& value, std::string* field) {
  if (!value.empty()) *field = value;
}

std::string TenantName(const std::string& tenant) { return absl::StrCat("tenants/", tenant); }

absl::StatusOr<std::string> InConferenceArgument(const std::string& tenant,
                                                 const std::string& conference,
                                                 const std::string& collection,
                                                 const std::string& argument) {
  if (argument.find('/') != std::string::npos) return argument;
  if (conference.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("give the full name tenants/{tenant}/conferences/{conference}/", collection,
                     "/", argument, ", or --conference (and --tenant) with the id"));
  }
  auto parent = ConferenceNameArgument(tenant, conference);
  if (!parent.ok()) return parent.status();
  return absl::StrCat(*parent, "/", collection, "/", argument);
}

absl::StatusOr<std::string> VenueNameArgument(const std::string& tenant,
                                              const std::string& argument) {
  if (argument.find('/') != std::string::npos) return argument;
  if (tenant.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("give the full name tenants/{tenant}/venues/",
                                                   argument, ", or --tenant with the id"));
  }
  return absl::StrCat("tenants/", tenant, "/venues/", argument);
}

std::string ConferenceOf(const std::string& name) {
  std::vector<std::string> parts = absl::StrSplit(name, '/');
  if (parts.size() < 4 || parts[0] != "tenants" || parts[2] != "conferences") return "";
  return absl::StrCat(parts[0], "/", parts[1], "/", parts[2], "/", parts[3]);
}

std::string TokenFromLink(const std::string& token_or_link) {
  const std::string text(absl::StripAsciiWhitespace(token_or_link));
  const size_t at = text.rfind("/i/");
  if (at == std::string::npos) return text;
  std::string token = text.substr(at + 3);
  return token.substr(0, token.find_first_of("/?#"));
}

absl::StatusOr<google::protobuf::Timestamp> ParseTime(const std::string& text, absl::Time now) {
  if (absl::AsciiStrToLower(text) == "now") return ToTimestamp(now);
  google::protobuf::Timestamp t;
  if (!TimeUtil::FromString(text, &t)) {
    return Refuse(text, "an RFC 3339 time, like 2025-05-06T10:00:00+01:00, or now");
  }
  return t;
}

absl::StatusOr<Interval> ParseInterval(const std::string& text) {
  const std::string expected = "START/END or START/DURATION, like 2025-05-06T10:00:00+01:00/4h";
  std::vector<std::string> halves = absl::StrSplit(text, absl::MaxSplits('/', 1));
  Interval interval;
  if (halves.size() != 2 || !TimeUtil::FromString(halves[0], &interval.start)) {
    return Refuse(text, expected);
  }
  absl::Duration length;
  if (absl::ParseDuration(halves[1], &length)) {
    interval.end = ToTimestamp(FromTimestamp(interval.start) + length);
  } else if (!TimeUtil::FromString(halves[1], &interval.end)) {
    return Refuse(text, expected);
  }
  if (FromTimestamp(interval.end) <= FromTimestamp(interval.start)) {
    return Refuse(text, "an end after the start");
  }
  return interval;
}

absl::StatusOr<google::type::Date> ParseDate(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, '-');
  int year = 0, month = 0, day = 0;
  if (parts.size() != 3 || parts[0].size() != 4 || !absl::SimpleAtoi(parts[0], &year) ||
      !absl::SimpleAtoi(parts[1], &month) || !absl::SimpleAtoi(parts[2], &day)) {
    return Refuse(text, "a date YYYY-MM-DD");
  }
  // CivilDay normalises 2025-02-30 to March: a date that moved was not a real one.
  const absl::CivilDay civil(year, month, day);
  if (civil.year() != year || civil.month() != month || civil.day() != day) {
    return Refuse(text, "a real calendar date YYYY-MM-DD");
  }
  google::type::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

absl::StatusOr<v1::Need> ParseNeed(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, absl::MaxSplits(':', 1));
  auto kind = ParseEnumWord<v1::NeedKind>(parts[0]);
  if (!kind.ok()) return Refuse(text, absl::StrCat("kind[:details]: ", kind.status().message()));
  v1::Need need;
  need.set_kind(*kind);
  std::string rest = parts.size() > 1 ? parts[1] : "";
  if (*kind == v1::NEED_KIND_INTERPRETER) {
    std::vector<std::string> language = absl::StrSplit(rest, absl::MaxSplits(':', 1));
    if (language[0].empty())
      return Refuse(text, "interpreter:LANGUAGE[:details], like interpreter:pl");
    need.set_language_code(language[0]);
    rest = language.size() > 1 ? language[1] : "";
  }
  need.set_details(rest);
  return need;
}

absl::StatusOr<v1::Availability> ParseAvailability(const std::string& text) {
  const std::string expected = "SLOT=yes|if-need-be|no[:in-person|remote]";
  std::vector<std::string> sides = absl::StrSplit(text, absl::MaxSplits('=', 1));
  if (sides.size() != 2 || sides[0].empty()) return Refuse(text, expected);
  std::vector<std::string> answer = absl::StrSplit(sides[1], absl::MaxSplits(':', 1));
  v1::Availability availability;
  availability.set_slot(sides[0]);
  auto word = ParseEnumWord<v1::AvailabilityAnswer>(answer[0]);
  if (!word.ok()) return Refuse(text, absl::StrCat(expected, "; ", word.status().message()));
  availability.set_answer(*word);
  if (answer.size() > 1) {
    auto mode = ParseEnumWord<v1::AttendanceMode>(answer[1]);
    if (!mode.ok()) return Refuse(text, absl::StrCat(expected, "; ", mode.status().message()));
    availability.set_mode(*mode);
  }
  return availability;
}

absl::StatusOr<v1::StaffMember> ParseStaff(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, absl::MaxSplits(',', 2));
  for (std::string& part : parts) absl::StripAsciiWhitespace(&part);
  if (parts.empty() || parts[0].empty()) {
    return Refuse(text, "subject[,display name[,agency]], the subject first");
  }
  v1::StaffMember staff;
  staff.set_subject(parts[0]);
  if (parts.size() > 1) staff.set_display_name(parts[1]);
  if (parts.size() > 2) staff.set_agency(parts[2]);
  return staff;
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return absl::InvalidArgumentError(absl::StrCat("error reading ", path));
  return text.str();
}

absl::Status ReadMessageFile(const std::string& path, google::protobuf::Message* message) {
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  auto parsed = google::protobuf::util::JsonStringToMessage(*text, message);
  if (!parsed.ok()) {
    const std::string& type = message->GetDescriptor()->name();
    const bool vowel = absl::StrContains("AEIOU", type.substr(0, 1));
    return absl::InvalidArgumentError(absl::StrCat(path, " is not ", vowel ? "an " : "a ", type,
                                                   " in protobuf JSON: ", parsed.ToString()));
  }
  return absl::OkStatus();
}

}  // namespace fgc::ctl
