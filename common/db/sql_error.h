// Turns libpqxx and standard exceptions into absl::Status, so that no exception leaves
// common/db and callers decide by code what to do next (retry, fix state, report). Messages
// never carry SQL text; the SQLSTATE, the constraint and the server's own message ride along as
// payloads for stores and logs.
//
//   23505 unique violation        -> ALREADY_EXISTS      "duplicate key ... constraint "x""
//   23P01 exclusion violation     -> FAILED_PRECONDITION (names the constraint)
//   23503 foreign key violation   -> FAILED_PRECONDITION
//   23514 check violation         -> FAILED_PRECONDITION (state rules are check constraints)
//   23502 not-null, 22xxx data    -> INVALID_ARGUMENT
//   42501 insufficient privilege  -> PERMISSION_DENIED   (row-level security WITH CHECK too)
//   40001, 40P01 (serialization, deadlock) -> ABORTED, retryable
//   08xxx, 57P0x, lost connection -> UNAVAILABLE, retryable unless the commit was in doubt
//   57014 query canceled          -> DEADLINE_EXCEEDED
//   anything else                 -> INTERNAL "database error (SQLSTATE xxxxx)"
#pragma once

#include <exception>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace fgc::db {

// Payload type URLs (absl::Status::GetPayload). For logs and stores, not for callers.
inline constexpr char kSqlStatePayload[] = "type.fgc.dev/fgc.db.SqlState";
inline constexpr char kConstraintPayload[] = "type.fgc.dev/fgc.db.Constraint";
inline constexpr char kServerMessagePayload[] = "type.fgc.dev/fgc.db.ServerMessage";

// Maps an exception caught in common/db. Call as StatusFromException(std::current_exception()).
absl::Status StatusFromException(std::exception_ptr error);

// The five-character SQLSTATE behind a status from StatusFromException ("" when none), e.g.
// "23505". Lost connections carry 08006; a commit whose outcome is unknown 08007.
std::string SqlStateOf(const absl::Status& status);

// The constraint a 23xxx error names ("" when none), so a store can say which rule clashed.
std::string ConstraintOf(const absl::Status& status);

// The server's full message for logs: may quote values, so never show it to a caller.
std::string ServerMessageOf(const absl::Status& status);

// `status` with `context` before its message and the server's own message after it, payloads
// kept: for errors that go to operators (startup, provisioning, migrations), never to callers.
absl::Status ForOperator(const absl::Status& status, absl::string_view context);

// True for errors where running the whole transaction again may succeed: serialization
// failures, deadlocks, and a connection lost before the commit was sent.
bool IsRetryable(const absl::Status& status);

// True when the status means the connection it came from is no longer usable.
bool IsConnectionLoss(const absl::Status& status);

}  // namespace fgc::db
