// `fgcctl conference` end to end against a real `fgc serve`: a referrer creates a conference from
// docs/examples/referral.json, a coordinator lists it and tries to allocate it (refused naming
// CONSENT_REQUIRED until `fgcctl ledger record-consent` records the referral consent for the
// child), changes it under the etag it read, and gets field violations and exit codes a script
// can branch on.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "nlohmann/json.hpp"
#include "tests/support/run_command.h"
#include "tests/support/serving_host.h"
#include "tests/support/test_files.h"

namespace fgc {
namespace {

using testing::CommandResult;
using testing::RunCommand;

constexpr int kInvalidArgumentExit = 64 + 3;
constexpr int kFailedPreconditionExit = 64 + 9;
constexpr int kAbortedExit = 64 + 10;
constexpr int kUnusableInputExit = 2;

using testing::ReadFile;
using testing::WriteFile;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string kReferral = std::string(FGC_SOURCE_DIR) + "/docs/examples/referral.json";
const std::string kConsent = std::string(FGC_SOURCE_DIR) + "/docs/examples/consent.json";

class FgcctlConference : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = new testing::ServingHost();
    ASSERT_TRUE(host_->serving()) << host_->process().Output();
  }
  static void TearDownTestSuite() { delete host_; }

  // Each test works in its own tenant, so lists hold only its own conferences. The referrer is
  // the one docs/examples/referral.json names; the coordinator is of another agency.
  void UseTenant(const std::string& tenant) {
    tenant_ = tenant;
    referrer_ = Token("referrer", "northshire-cs", "referrer-alex");
    coordinator_ = Token("coordinator", "fgc-service", "coord-chris");
  }

  std::string Token(const std::string& role, const std::string& agency, const std::string& sub) {
    auto r = RunCommand("fgcctl", {"dev", "token", "--role", role, "--agency", agency, "--sub", sub,
                                   "--tenant", tenant_, "--state-dir", host_->state_dir()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out.substr(0, r.out.find('\n'));
  }

  static CommandResult As(const std::string& token, std::vector<std::string> args) {
    return RunCommand("fgcctl", args, {{"FGC_ADDR", host_->address()}, {"FGC_TOKEN", token}});
  }

  std::string Path(const std::string& name) const {
    return host_->dir() + "/" + tenant_ + "-" + name;
  }

  // The referrer creates the example referral; returns the created conference as JSON.
  nlohmann::json CreateExample(const std::string& id) {
    auto r = As(referrer_, {"conference", "create", "--tenant", tenant_, "--from", kReferral,
                            "--id", id, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto out = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_FALSE(out.is_discarded()) << r.out;
    return out.is_discarded() ? nlohmann::json::object() : out["conference"];
  }

  // docs/examples/consent.json moved to this conference and its child, recorded by the referrer.
  void RecordReferralConsent(const nlohmann::json& conference) {
    auto consent = nlohmann::json::parse(ReadFile(kConsent));
    const std::string name = conference["name"];
    consent["conference"] = name;
    consent["subject"] = conference["children"][0]["name"];
    consent["consent"]["grantor"]["member"] = name + "/members/mother";
    ASSERT_EQ(consent["consent"]["purpose"], "CONSENT_PURPOSE_REFERRAL");
    WriteFile(Path("consent.json"), consent.dump(1));
    auto r = As(referrer_,
                {"ledger", "record-consent", "--tenant", tenant_, "--file", Path("consent.json")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  CommandResult Allocate(const std::string& name) {
    return As(coordinator_, {"conference", "transition", name, "--to", "preparation",
                             "--coordinator", "coord-chris", "--coordinator-name", "Chris Lee",
                             "--coordinator-agency", "fgc-service"});
  }

  static testing::ServingHost* host_;
  std::string tenant_;
  std::string referrer_;
  std::string coordinator_;
};

testing::ServingHost* FgcctlConference::host_ = nullptr;

TEST_F(FgcctlConference, CreatePrintsTheNameStageDeadlinesAndRequestId) {
  UseTenant("conf-create");
  auto r = As(referrer_, {"conference", "create", "--tenant", tenant_, "--from", kReferral});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "created tenants/conf-create/conferences/c-")) << r.out;
  EXPECT_TRUE(Contains(r.out, "stage: referral")) << r.out;
  EXPECT_TRUE(Contains(r.out, "acknowledge-referral")) << r.out;
  EXPECT_TRUE(Contains(r.out, "request id: ")) << r.out;
}

TEST_F(FgcctlConference, ARetryWithTheSameRequestIdCreatesNothingNew) {
  UseTenant("conf-retry");
  const std::vector<std::string> create = {
      "conference", "create",       "--tenant",
      tenant_,      "--from",       kReferral,
      "--json",     "--request-id", "5f0c7d1e-3b5e-4d36-9a51-1f1c2b7e8a90"};
  auto first = As(referrer_, create);
  auto again = As(referrer_, create);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(first.out)["conference"]["name"],
            nlohmann::json::parse(again.out)["conference"]["name"]);
  auto list = As(coordinator_, {"conference", "list", "--tenant", tenant_, "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(nlohmann::json::parse(list.out)["conferences"].size(), 1u) << list.out;
}

TEST_F(FgcctlConference, ACoordinatorListsTheReferralOnOneLine) {
  UseTenant("conf-list");
  CreateExample("jones");
  auto r = As(coordinator_, {"conference", "list", "--tenant", tenant_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "tenants/conf-list/conferences/jones\treferral\tstandard\t-\t"))
      << r.out;
  EXPECT_TRUE(Contains(r.out, "(1 conference)")) << r.out;
}

TEST_F(FgcctlConference, ListAllFollowsEveryPage) {
  UseTenant("conf-pages");
  for (const char* id : {"one", "two", "three"}) CreateExample(id);
  auto r = As(coordinator_,
              {"conference", "list", "--tenant", tenant_, "--page-size", "2", "--all", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = nlohmann::json::parse(r.out);
  EXPECT_EQ(out["conferences"].size(), 3u) << r.out;
  EXPECT_FALSE(out.contains("nextPageToken")) << r.out;
}

TEST_F(FgcctlConference, LeavingReferralNeedsConsentUntilTheLedgerRecordsIt) {
  UseTenant("conf-consent");
  const nlohmann::json conference = CreateExample("jones");
  const std::string name = conference["name"];

  auto refused = Allocate(name);
  EXPECT_EQ(refused.exit_code, kFailedPreconditionExit) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "CONSENT_REQUIRED")) << refused.err;

  RecordReferralConsent(conference);
  auto moved = Allocate(name);
  ASSERT_EQ(moved.exit_code, 0) << moved.err;
  EXPECT_TRUE(Contains(moved.out, "stage: preparation")) << moved.out;
  EXPECT_TRUE(Contains(moved.out, "Chris Lee (coord-chris, fgc-service)")) << moved.out;
  EXPECT_TRUE(Contains(moved.out, "referral -> preparation by coord-chris")) << moved.out;
}

TEST_F(FgcctlConference, AcknowledgeTimeCannotBeSetAgainAfterTheMoveSetIt) {
  UseTenant("conf-ack");
  const nlohmann::json conference = CreateExample("jones");
  RecordReferralConsent(conference);
  ASSERT_EQ(Allocate(conference["name"]).exit_code, 0);

  auto r = As(coordinator_, {"conference", "update", "jones", "--tenant", tenant_, "--set",
                             "acknowledge_time=now"});
  EXPECT_EQ(r.exit_code, kInvalidArgumentExit) << r.err;
  EXPECT_TRUE(Contains(r.err, "acknowledge_time")) << r.err;
}

TEST_F(FgcctlConference, UpdateChangesTheFieldsSet) {
  UseTenant("conf-update");
  CreateExample("jones");
  auto r = As(coordinator_,
              {"conference", "update", "jones", "--tenant", tenant_, "--set", "urgency=urgent",
               "--set", "referral.urgency_reason=Sam was alone at home for three nights", "--set",
               "acknowledge_time=now"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "updated tenants/conf-update/conferences/jones")) << r.out;
  EXPECT_TRUE(Contains(r.out, "urgency       urgent")) << r.out;
  EXPECT_TRUE(Contains(r.out, "acknowledged")) << r.out;
}

TEST_F(FgcctlConference, AChangeSinceTheEtagWasReadIsReportedNotOverwritten) {
  UseTenant("conf-etag");
  const std::string etag = CreateExample("jones")["etag"];
  auto first = As(referrer_, {"conference", "update", "jones", "--tenant", tenant_, "--set",
                              "referral.agency_reference=NS-1", "--etag", etag});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto stale = As(coordinator_, {"conference", "update", "jones", "--tenant", tenant_, "--set",
                                 "referral.agency_reference=NS-2", "--etag", etag});
  EXPECT_EQ(stale.exit_code, kAbortedExit) << stale.err;
  EXPECT_TRUE(Contains(stale.err, "ETAG_MISMATCH")) << stale.err;
  auto get = As(coordinator_, {"conference", "get", "jones", "--tenant", tenant_, "--json"});
  EXPECT_EQ(nlohmann::json::parse(get.out)["conference"]["referral"]["agencyReference"], "NS-1");
}

TEST_F(FgcctlConference, ABadReferralFailsNamingTheField) {
  UseTenant("conf-invalid");
  auto referral = nlohmann::json::parse(ReadFile(kReferral));
  referral["referral"].erase("concerns");
  WriteFile(Path("referral.json"), referral.dump(1));
  auto r =
      As(referrer_, {"conference", "create", "--tenant", tenant_, "--from", Path("referral.json")});
  EXPECT_EQ(r.exit_code, kInvalidArgumentExit) << r.err;
  EXPECT_TRUE(Contains(r.err, "field conference.referral.concerns")) << r.err;
}

TEST_F(FgcctlConference, AFileThatIsNotAConferenceIsRefusedBeforeAnyCall) {
  UseTenant("conf-unparsable");
  WriteFile(Path("referral.json"), R"({"urgency": "URGENCY_SOON"})");
  auto r =
      As(referrer_, {"conference", "create", "--tenant", tenant_, "--from", Path("referral.json")});
  EXPECT_EQ(r.exit_code, kUnusableInputExit) << r.err;
  EXPECT_TRUE(Contains(r.err, "is not a Conference")) << r.err;
}

TEST_F(FgcctlConference, GetJsonIsTheResponseMessage) {
  UseTenant("conf-json");
  CreateExample("jones");
  auto r = As(coordinator_, {"conference", "get", "tenants/conf-json/conferences/jones", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << r.out;
  EXPECT_EQ(out["conference"]["name"], "tenants/conf-json/conferences/jones");
  EXPECT_EQ(out["conference"]["stage"], "STAGE_REFERRAL");
  EXPECT_EQ(out["conference"]["children"][0]["displayName"], "Sam Jones");
}

TEST_F(FgcctlConference, ClosingWithoutOutcomeOrReasonIsRefused) {
  UseTenant("conf-close");
  CreateExample("jones");
  auto refused = As(coordinator_,
                    {"conference", "transition", "jones", "--tenant", tenant_, "--to", "closed"});
  EXPECT_EQ(refused.exit_code, kFailedPreconditionExit) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "CLOSURE_REASON_REQUIRED")) << refused.err;
  auto closed = As(coordinator_,
                   {"conference", "transition", "jones", "--tenant", tenant_, "--to", "closed",
                    "--outcome", "not-proceeded", "--reason", "the family chose another service"});
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  EXPECT_TRUE(Contains(closed.out, "stage: closed")) << closed.out;
  EXPECT_TRUE(Contains(closed.out, "outcome       not-proceeded")) << closed.out;
}

}  // namespace
}  // namespace fgc
