// Instants and dates as the conference lifecycle reads them: google.protobuf.Timestamp and
// google.type.Date to and from absl, and the conference's own IANA time zone.
#pragma once

#include <optional>
#include <string_view>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/base/proto_time.h"  // ToAbslTime, ToTimestamp
#include "google/protobuf/timestamp.pb.h"
#include "google/type/date.pb.h"

namespace fgc::scheduling {

// A timestamp RFC 3339 can write (years 0001-9999, nanos 0-999,999,999).
bool IsValidTimestamp(const google::protobuf::Timestamp& timestamp);
// True when the timestamp was set (proto3 messages have no presence for scalars, so an
// all-zero timestamp counts as unset, as everywhere in fgc).
bool IsSet(const google::protobuf::Timestamp& timestamp);

// A full calendar date (year, month and day all set and real); nullopt otherwise.
std::optional<absl::CivilDay> ToCivilDay(const google::type::Date& date);
google::type::Date ToDate(absl::CivilDay day);

// True for an IANA zone name in its usual shape (`Europe/London`, `America/Argentina/Salta`,
// `UTC`, `Etc/GMT+5`) that the host's zone database knows. The shape check comes first so that
// no path (`/etc/passwd`, `../x`) ever reaches the zone loader.
bool IsKnownTimeZone(std::string_view name);

// The conference's zone; UTC when the name is not a known zone (validation refuses those on
// create, so this only guards records written before a zone was withdrawn from tzdata).
absl::TimeZone ConferenceZone(std::string_view name);

}  // namespace fgc::scheduling
