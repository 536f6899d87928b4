#include "common/db/sql_error.h"

#include <new>
#include <optional>
#include <pqxx/except>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace fgc::db {
namespace {

// libpqxx puts the server's whole report in what(): "ERROR:  primary\nDETAIL:  Key (id)=(7)...".
// The primary line names the rule; the detail may quote values.
std::string PrimaryMessage(absl::string_view what) {
  absl::string_view line = what.substr(0, what.find('\n'));
  for (absl::string_view severity : {"ERROR:", "FATAL:", "PANIC:"}) {
    if (absl::ConsumePrefix(&line, severity)) break;
  }
  return std::string(absl::StripAsciiWhitespace(line));
}

// `... constraint "name"` in a primary message; PostgreSQL words every 23xxx error this way.
std::string ConstraintIn(absl::string_view primary) {
  static constexpr absl::string_view kMarker = "constraint \"";
  size_t start = primary.find(kMarker);
  if (start == absl::string_view::npos) return "";
  start += kMarker.size();
  size_t end = primary.find('"', start);
  return end == absl::string_view::npos ? "" : std::string(primary.substr(start, end - start));
}

absl::Status Make(absl::StatusCode code, absl::string_view message, absl::string_view sqlstate,
                  absl::string_view server_message) {
  absl::Status status(code, message);
  if (!sqlstate.empty()) status.SetPayload(kSqlStatePayload, absl::Cord(sqlstate));
  if (!server_message.empty()) {
    status.SetPayload(kServerMessagePayload,
                      absl::Cord(absl::StripTrailingAsciiWhitespace(server_message)));
  }
  return status;
}

// Constraint errors are shown with the server's primary line, which names the constraint and
// quotes no values; everything else gets a fixed message.
absl::Status FromSqlState(absl::string_view state, absl::string_view what) {
  const std::string primary = PrimaryMessage(what);
  auto make = [&](absl::StatusCode code, absl::string_view message) {
    return Make(code, message, state, what);
  };
  if (absl::StartsWith(state, "23")) {
    absl::StatusCode code = state == "23505"   ? absl::StatusCode::kAlreadyExists
                            : state == "23502" ? absl::StatusCode::kInvalidArgument
                                               : absl::StatusCode::kFailedPrecondition;
    absl::Status status = make(code, primary);
    if (std::string constraint = ConstraintIn(primary); !constraint.empty()) {
      status.SetPayload(kConstraintPayload, absl::Cord(constraint));
    }
    return status;
  }
  if (absl::StartsWith(state, "22")) return make(absl::StatusCode::kInvalidArgument, primary);
  if (state == "42501") return make(absl::StatusCode::kPermissionDenied, primary);
  if (state == "40001" || state == "40P01") {
    return make(absl::StatusCode::kAborted, "transaction conflicted with a concurrent one");
  }
  if (state == "55P03" || absl::StartsWith(state, "40")) {
    return make(absl::StatusCode::kAborted, "transaction rolled back by the database");
  }
  if (state == "57014") return make(absl::StatusCode::kDeadlineExceeded, "database query canceled");
  if (absl::StartsWith(state, "08") || absl::StartsWith(state, "57P") || state == "53300") {
    return make(absl::StatusCode::kUnavailable, "database unavailable");
  }
  if (absl::StartsWith(state, "53")) {
    return make(absl::StatusCode::kResourceExhausted, "database out of resources");
  }
  return make(absl::StatusCode::kInternal, absl::StrCat("database error (SQLSTATE ", state, ")"));
}

// libpqxx 6.4 leaves sqlstate() empty for some errors (insufficient_privilege among them); the
// exception's class still tells the SQLSTATE class.
std::string InferSqlState(const pqxx::sql_error& e) {
  if (!e.sqlstate().empty()) return e.sqlstate();
  if (dynamic_cast<const pqxx::insufficient_privilege*>(&e)) return "42501";
  if (dynamic_cast<const pqxx::unique_violation*>(&e)) return "23505";
  if (dynamic_cast<const pqxx::foreign_key_violation*>(&e)) return "23503";
  if (dynamic_cast<const pqxx::check_violation*>(&e)) return "23514";
  if (dynamic_cast<const pqxx::not_null_violation*>(&e)) return "23502";
  if (dynamic_cast<const pqxx::restrict_violation*>(&e)) return "23001";
  if (dynamic_cast<const pqxx::integrity_constraint_violation*>(&e)) return "23000";
  if (dynamic_cast<const pqxx::data_exception*>(&e)) return "22000";
  if (dynamic_cast<const pqxx::disk_full*>(&e)) return "53100";
  if (dynamic_cast<const pqxx::out_of_memory*>(&e)) return "53200";
  if (dynamic_cast<const pqxx::insufficient_resources*>(&e)) return "53000";
  return "";
}

std::optional<std::string> Payload(const absl::Status& status, absl::string_view url) {
  absl::optional<absl::Cord> payload = status.GetPayload(url);
  if (!payload) return std::nullopt;
  return std::string(*payload);
}

}  // namespace

absl::Status StatusFromException(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const pqxx::sql_error& e) {
    const std::string state = InferSqlState(e);
    if (state.empty()) return Make(absl::StatusCode::kInternal, "database error", "", e.what());
    return FromSqlState(state, e.what());
  } catch (const pqxx::serialization_failure& e) {
    return FromSqlState("40001", e.what());
  } catch (const pqxx::deadlock_detected& e) {
    return FromSqlState("40P01", e.what());
  } catch (const pqxx::statement_completion_unknown& e) {
    return Make(absl::StatusCode::kUnavailable, "database statement outcome unknown", "40003",
                e.what());
  } catch (const pqxx::transaction_rollback& e) {
    return FromSqlState("40000", e.what());
  } catch (const pqxx::in_doubt_error& e) {
    return Make(absl::StatusCode::kUnavailable, "database commit outcome unknown", "08007",
                e.what());
  } catch (const pqxx::too_many_connections& e) {
    return FromSqlState("53300", e.what());
  } catch (const pqxx::broken_connection& e) {
    return Make(absl::StatusCode::kUnavailable, "database connection lost", "08006", e.what());
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError("out of memory");
  } catch (const std::exception& e) {
    // libpqxx usage, conversion and range errors: a bug on our side, not the caller's.
    return Make(absl::StatusCode::kInternal, "internal database client error", "", e.what());
  } catch (...) {
    return absl::InternalError("unknown exception in database code");
  }
}

std::string SqlStateOf(const absl::Status& status) {
  return Payload(status, kSqlStatePayload).value_or("");
}

std::string ConstraintOf(const absl::Status& status) {
  return Payload(status, kConstraintPayload).value_or("");
}

std::string ServerMessageOf(const absl::Status& status) {
  return Payload(status, kServerMessagePayload).value_or("");
}

absl::Status ForOperator(const absl::Status& status, absl::string_view context) {
  if (status.ok()) return status;
  std::string message = absl::StrCat(context, ": ", status.message());
  if (std::string server = ServerMessageOf(status); !server.empty() && server != status.message()) {
    absl::StrAppend(&message, " (", server, ")");
  }
  absl::Status annotated(status.code(), message);
  status.ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
    annotated.SetPayload(url, payload);
  });
  return annotated;
}

bool IsRetryable(const absl::Status& status) {
  const std::string state = SqlStateOf(status);
  return state == "40001" || state == "40P01" || state == "08006";
}

bool IsConnectionLoss(const absl::Status& status) {
  const std::string state = SqlStateOf(status);
  return absl::StartsWith(state, "08") || state == "57P01" || state == "57P02" || state == "57P03";
}

}  // namespace fgc::db
