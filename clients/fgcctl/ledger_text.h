// How fgcctl reads ledger arguments and shows ledger entries: resource names from short ids,
// enum values from lower-case words, request ids, and entries as text or protobuf JSON.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "fgc/v1/ledger_entry.pb.h"
#include "google/protobuf/message.h"
#include "nlohmann/json.hpp"

namespace fgc::ctl {

// `tenants/{tenant}/ledger/entries/{index}` from an index, or the argument as given.
std::string EntryNameArgument(const std::string& tenant, const std::string& argument);

// An enum value from a word like "contact_network" or "CONSENT_PURPOSE_CONTACT_NETWORK";
// INVALID_ARGUMENT listing the words accepted.
absl::StatusOr<v1::ConsentPurpose> ParsePurpose(const std::string& word);
absl::StatusOr<v1::CollectionMethod> ParseCollectionMethod(const std::string& word);

// A random UUID (version 4), for request_id when the user gives none.
absl::StatusOr<std::string> NewRequestId();
// `given`, or a new request id: a write without a retry key could not be retried safely, so
// fgcctl makes one up (and the command prints it).
absl::StatusOr<std::string> RequestIdOrNew(const std::string& given);

// The message in the protobuf JSON mapping (lowerCamelCase names, bytes as base64), as
// JsonStringToMessage reads it back.
nlohmann::ordered_json ProtoJson(const google::protobuf::Message& message);

// An entry for a person: its name and kind, then one indented "label  value" line per field
// that is set.
std::string DescribeEntry(const v1::LedgerEntry& entry);

// One line per entry, for lists: index, kind, occur time, subject, decision.
std::string EntrySummaryLine(const v1::LedgerEntry& entry);

std::string HexBytes(const std::string& bytes);

// Reports a failure that is not a gRPC status ("error: ..." or {"error": ...} on stderr) and
// returns `exit_code`.
int ReportLocalFailure(const std::string& message, int exit_code, bool json);

}  // namespace fgc::ctl
