#include "common/db/sql_error.h"

#include <pqxx/except>
#include <stdexcept>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::db {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

template <typename E>
absl::Status Map(const E& error) {
  return StatusFromException(std::make_exception_ptr(error));
}

constexpr char kQuery[] = "INSERT INTO bookings (tenant, id) VALUES ($1, $2)";

TEST(StatusFromException, UniqueViolationIsAlreadyExistsNamingTheConstraintOnly) {
  absl::Status s = Map(pqxx::unique_violation(
      "ERROR:  duplicate key value violates unique constraint \"bookings_pkey\"\n"
      "DETAIL:  Key (tenant, id)=(t1, Alice Smith) already exists.\n",
      kQuery, "23505"));
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(s.message(), "duplicate key value violates unique constraint \"bookings_pkey\"");
  EXPECT_THAT(std::string(s.message()), Not(HasSubstr("Alice")));
  EXPECT_THAT(std::string(s.message()), Not(HasSubstr("INSERT")));
  EXPECT_EQ(SqlStateOf(s), "23505");
  EXPECT_EQ(ConstraintOf(s), "bookings_pkey");
  EXPECT_THAT(ServerMessageOf(s), HasSubstr("Alice Smith"));
}

TEST(StatusFromException, ExclusionViolationIsFailedPrecondition) {
  absl::Status s = Map(pqxx::sql_error(
      "ERROR:  conflicting key value violates exclusion constraint \"venue_no_overlap\"\n", kQuery,
      "23P01"));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ConstraintOf(s), "venue_no_overlap");
}

TEST(StatusFromException, ForeignKeyViolationIsFailedPrecondition) {
  absl::Status s = Map(pqxx::foreign_key_violation(
      "ERROR:  insert or update on table \"x\" violates foreign key constraint \"x_fk\"\n", kQuery,
      "23503"));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ConstraintOf(s), "x_fk");
}

TEST(StatusFromException, InsufficientPrivilegeIsPermissionDenied) {
  absl::Status s = Map(pqxx::insufficient_privilege("ERROR:  permission denied for schema ledger\n",
                                                    "SELECT * FROM ledger.entries", "42501"));
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(s.message(), "permission denied for schema ledger");
}

TEST(StatusFromException, ClassStandsInForAMissingSqlState) {
  // libpqxx 6.4 throws insufficient_privilege without its SQLSTATE.
  absl::Status s = Map(pqxx::insufficient_privilege(
      "ERROR:  new row violates row-level security policy for table \"items\"\n"));
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(SqlStateOf(s), "42501");
}

TEST(StatusFromException, SerializationFailureAndDeadlockAreRetryableAborts) {
  absl::Status serialization =
      Map(pqxx::serialization_failure("ERROR:  could not serialize access\n"));
  absl::Status deadlock = Map(pqxx::deadlock_detected("ERROR:  deadlock detected\n"));
  for (const absl::Status& s : {serialization, deadlock}) {
    EXPECT_EQ(s.code(), absl::StatusCode::kAborted);
    EXPECT_TRUE(IsRetryable(s));
  }
  EXPECT_EQ(SqlStateOf(serialization), "40001");
  EXPECT_EQ(SqlStateOf(deadlock), "40P01");
}

TEST(StatusFromException, LostConnectionIsRetryableUnavailable) {
  absl::Status s = Map(pqxx::broken_connection("server closed the connection unexpectedly"));
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(IsConnectionLoss(s));
  EXPECT_TRUE(IsRetryable(s));
}

TEST(StatusFromException, CommitInDoubtIsUnavailableButNotRetried) {
  absl::Status s = Map(pqxx::in_doubt_error("connection lost during commit"));
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
  EXPECT_FALSE(IsRetryable(s));
}

TEST(StatusFromException, UnknownSqlStateIsInternalWithoutServerText) {
  absl::Status s = Map(pqxx::syntax_error(
      "ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n", "SELEC 1", "42601"));
  EXPECT_EQ(s.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(s.message(), "database error (SQLSTATE 42601)");
}

TEST(StatusFromException, OtherExceptionsAreInternal) {
  EXPECT_EQ(Map(std::runtime_error("boom")).code(), absl::StatusCode::kInternal);
  EXPECT_EQ(Map(pqxx::conversion_error("cannot convert")).code(), absl::StatusCode::kInternal);
}

TEST(ForOperator, AddsContextAndServerMessageAndKeepsPayloads) {
  absl::Status s = ForOperator(
      Map(pqxx::unique_violation("ERROR:  duplicate key value violates unique constraint \"k\"\n"
                                 "DETAIL:  Key (id)=(1) already exists.\n",
                                 kQuery, "23505")),
      "migration 002_x.sql");
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(std::string(s.message()), HasSubstr("migration 002_x.sql: duplicate key"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("Key (id)=(1)"));
  EXPECT_EQ(SqlStateOf(s), "23505");
}

}  // namespace
}  // namespace fgc::db
