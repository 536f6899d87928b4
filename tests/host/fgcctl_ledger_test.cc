// `fgcctl ledger` end to end against a real `fgc serve`: recording and withdrawing consent,
// the answers CheckConsent gives, reading entries with proofs checked locally, saving
// checkpoints, and exporting a ledger that `fgcctl ledger verify` then checks with no service,
// including after a byte of the export, or a row in the database, was changed.
#include <gtest/gtest.h>

#include <fstream>
#include <pqxx/pqxx>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "common/crypto/ed25519.h"
#include "common/crypto/encoding.h"
#include "google/protobuf/util/json_util.h"
#include "nlohmann/json.hpp"
#include "services/ledger/entry/test_entries.h"
#include "services/ledger/log/note.h"
#include "tests/support/host_process.h"
#include "tests/support/run_command.h"
#include "tests/support/serving_host.h"
#include "tests/support/test_files.h"

namespace fgc {
namespace {

using testing::CommandResult;
using testing::RunCommand;

constexpr int kInvalidArgumentExit = 64 + 3;

using testing::ReadFile;
using testing::WriteFile;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class FgcctlLedger : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = new testing::ServingHost();
    ASSERT_TRUE(host_->serving()) << host_->process().Output();
    state_ = host_->state_dir();
    address_ = host_->address();
  }
  static void TearDownTestSuite() { delete host_; }

  // Each test writes to its own tenant, so entry indexes start at 0 however tests share a host.
  void UseTenant(const std::string& tenant) {
    tenant_ = tenant;
    auto r = RunCommand("fgcctl", {"dev", "token", "--role", "referrer", "--agency", "a1",
                                   "--tenant", tenant, "--state-dir", state_});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    token_ = r.out.substr(0, r.out.find('\n'));
  }

  CommandResult Ledger(std::vector<std::string> args) {
    args.insert(args.begin(), "ledger");
    args.insert(args.end(), {"--tenant", tenant_});
    return RunCommand("fgcctl", args, {{"FGC_ADDR", address_}, {"FGC_TOKEN", token_}});
  }

  // A test entry moved into this test's tenant and written as protobuf JSON.
  std::string EntryFile(const v1::LedgerEntry& entry) {
    std::string json;
    EXPECT_TRUE(google::protobuf::util::MessageToJsonString(entry, &json).ok());
    std::string path = Path(absl::StrCat("entry-", ++files_, ".json"));
    WriteFile(path, absl::StrReplaceAll(json, {{"tenants/t1/", "tenants/" + tenant_ + "/"}}));
    return path;
  }

  void RecordConsents(int count) {
    for (int i = 0; i < count; ++i) {
      v1::LedgerEntry entry = ledger::testing::ValidConsent();
      entry.set_decision(absl::StrCat("Consent number ", i));
      auto r = Ledger({"record-consent", "--file", EntryFile(entry)});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }

  std::string Path(const std::string& name) const {
    return host_->dir() + "/" + tenant_ + "-" + name;
  }

  std::string VerifierKey() {
    auto r = Ledger({"verifier-key"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out.substr(0, r.out.find('\n'));
  }

  // Exports this tenant's ledger and returns the file's path.
  std::string Export() {
    std::string path = Path("export.json");
    auto r = Ledger({"export", "--out", path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return path;
  }

  // Verifies with no service to reach: the address points nowhere.
  static CommandResult VerifyOffline(std::vector<std::string> args) {
    args.insert(args.begin(), {"ledger", "verify"});
    return RunCommand("fgcctl", args, {{"FGC_ADDR", "127.0.0.1:1"}});
  }

  // Changes one byte of a base64 member of the export, decoded.
  static void FlipByteOf(const std::string& path, const nlohmann::json::json_pointer& member,
                         size_t at) {
    auto json = nlohmann::json::parse(ReadFile(path));
    std::string bytes = crypto::Base64Decode(json[member].get<std::string>()).value();
    bytes[at] ^= 0x01;
    json[member] = crypto::Base64Encode(bytes);
    WriteFile(path, json.dump(1));
  }

  static testing::ServingHost* host_;
  static std::string state_;
  static std::string address_;
  std::string tenant_;
  std::string token_;
  int files_ = 0;
};

testing::ServingHost* FgcctlLedger::host_ = nullptr;
std::string FgcctlLedger::state_;
std::string FgcctlLedger::address_;

TEST_F(FgcctlLedger, ConsentStandsUntilItIsWithdrawn) {
  UseTenant("consent-flow");
  auto recorded = Ledger({"record-consent", "--file", EntryFile(ledger::testing::ValidConsent())});
  ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
  EXPECT_TRUE(Contains(recorded.out, "recorded tenants/consent-flow/ledger/entries/0"))
      << recorded.out;
  const std::vector<std::string> check = {
      "check-consent", "--conference", "c1", "--subject", "k1", "--purpose", "contact_network"};
  auto before = Ledger(check);
  EXPECT_EQ(before.exit_code, 0) << before.err;
  EXPECT_TRUE(Contains(before.out, "allowed: consent given")) << before.out;

  auto withdrawn = Ledger({"withdraw-consent", "--entry", "0", "--method", "written", "--language",
                           "en", "--reason", "changed her mind"});
  ASSERT_EQ(withdrawn.exit_code, 0) << withdrawn.err;
  EXPECT_TRUE(Contains(withdrawn.out, "CONSENT_WITHDRAWN")) << withdrawn.out;

  auto after = Ledger(check);
  EXPECT_EQ(after.exit_code, 1) << after.err;
  EXPECT_TRUE(Contains(after.out, "not allowed: withdrawn (tenants/consent-flow/ledger/entries/1)"))
      << after.out;
}

TEST_F(FgcctlLedger, ARetryWithTheRequestIdItPrintedWritesNothingNew) {
  UseTenant("retry");
  const std::string file = EntryFile(ledger::testing::ValidConsent());
  auto first = Ledger({"--json", "record-consent", "--file", file});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto j = nlohmann::json::parse(first.out);
  const std::string request_id = j["request_id"];
  auto retry = Ledger({"--json", "record-consent", "--file", file, "--request-id", request_id});
  ASSERT_EQ(retry.exit_code, 0) << retry.err;
  EXPECT_EQ(nlohmann::json::parse(retry.out)["entry"]["name"], j["entry"]["name"]);
  auto list = Ledger({"--json", "list", "--all"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(nlohmann::json::parse(list.out)["entries"].size(), 1u) << list.out;
}

TEST_F(FgcctlLedger, APowerRecordWithoutLegalBasisFailsNamingTheField) {
  UseTenant("power");
  v1::LedgerEntry entry = ledger::testing::ValidPower();
  entry.mutable_power()->clear_legal_basis();
  auto r = Ledger({"record-power", "--file", EntryFile(entry)});
  EXPECT_EQ(r.exit_code, kInvalidArgumentExit) << r.err;
  EXPECT_TRUE(Contains(r.err, "entry.power.legal_basis")) << r.err;
  EXPECT_TRUE(Contains(r.err, "INVALID_ARGUMENT")) << r.err;
}

TEST_F(FgcctlLedger, GetChecksTheProofLocallyAgainstThePinnedKey) {
  UseTenant("get");
  RecordConsents(3);
  auto r = Ledger({"get", "--entry", "1", "--verifier-key", VerifierKey()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "tenants/get/ledger/entries/1")) << r.out;
  EXPECT_TRUE(Contains(r.out, "inclusion proof: leaf 1 of a tree of 3, 2 hashes")) << r.out;
  EXPECT_TRUE(Contains(r.out, "verified locally")) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(FgcctlLedger, CheckpointPrintsTheSignedNoteAndNothingElse) {
  UseTenant("checkpoint");
  RecordConsents(2);
  auto text = Ledger({"checkpoint"});
  auto json = Ledger({"--json", "checkpoint"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(text.out, nlohmann::json::parse(json.out)["note"]) << text.out;
  EXPECT_EQ(text.out.rfind("fgc.local/tenants/checkpoint/ledger\n2\n", 0), 0u) << text.out;
  auto verifier = ledger::log::NoteVerifier::FromVerifierKey(VerifierKey());
  ASSERT_TRUE(verifier.ok()) << verifier.status();
  EXPECT_TRUE(verifier->Verify(text.out).ok());
}

TEST_F(FgcctlLedger, AnExportVerifiesOfflineWithThePinnedKey) {
  UseTenant("export");
  RecordConsents(3);
  const std::string key = VerifierKey();
  auto r = VerifyOffline({"--export", Export(), "--verifier-key", key});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "OK: the export verifies")) << r.out;
  EXPECT_TRUE(Contains(r.out, "tree size   3")) << r.out;
  EXPECT_TRUE(Contains(r.out, "fgc.local/tenants/export/ledger")) << r.out;
}

TEST_F(FgcctlLedger, AFlippedLeafByteInTheExportFailsNamingTheEntry) {
  UseTenant("flip-leaf");
  RecordConsents(3);
  const std::string path = Export();
  FlipByteOf(path, "/entries/1/leaf_data"_json_pointer, 30);
  auto r = VerifyOffline({"--export", path, "--verifier-key", VerifierKey()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "  entry 1: ")) << r.err;
  EXPECT_FALSE(Contains(r.err, "entry 0")) << r.err;
  EXPECT_FALSE(Contains(r.err, "entry 2")) << r.err;
}

TEST_F(FgcctlLedger, AFlippedProofHashInTheExportFailsNamingTheEntryAndHash) {
  UseTenant("flip-proof");
  RecordConsents(3);
  const std::string path = Export();
  FlipByteOf(path, "/entries/0/inclusion_proof/1"_json_pointer, 9);
  auto r = VerifyOffline({"--export", path, "--verifier-key", VerifierKey()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "entry 0: inclusion proof hash 1 differs")) << r.err;
}

TEST_F(FgcctlLedger, AFlippedByteInTheExportedNoteFailsNamingTheLine) {
  UseTenant("flip-note");
  RecordConsents(3);
  const std::string path = Export();
  auto json = nlohmann::json::parse(ReadFile(path));
  std::string note = json["checkpoint"]["note"];
  const size_t root_line = note.find('\n', note.find('\n') + 1) + 1;
  note[root_line + 5] ^= 0x01;
  json["checkpoint"]["note"] = note;
  WriteFile(path, json.dump(1));
  auto r = VerifyOffline({"--export", path, "--verifier-key", VerifierKey()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "checkpoint note: ")) << r.err;
  EXPECT_TRUE(Contains(r.err, "line 3 (the root hash)")) << r.err;
}

TEST_F(FgcctlLedger, ACheckpointSavedBeforeMoreAppendsVerifiesAsAPrefix) {
  UseTenant("prefix");
  RecordConsents(2);
  auto saved = Ledger({"checkpoint"});
  ASSERT_EQ(saved.exit_code, 0) << saved.err;
  WriteFile(Path("cp.txt"), saved.out);
  RecordConsents(3);
  auto r = VerifyOffline({"--export", Export(), "--verifier-key", VerifierKey(),
                          "--older-checkpoint", Path("cp.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "the checkpoint of size 2 is a prefix of this log")) << r.out;
}

TEST_F(FgcctlLedger, AnotherVerifierKeyFails) {
  UseTenant("wrong-key");
  RecordConsents(2);
  auto other =
      ledger::log::NoteSigner::Create("fgc.local", crypto::Ed25519PrivateKey::Generate().value());
  ASSERT_TRUE(other.ok());
  auto r = VerifyOffline({"--export", Export(), "--verifier-key", other->VerifierKey()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "checkpoint note: note carries no signature by")) << r.err;
}

TEST_F(FgcctlLedger, ARowChangedInTheDatabaseIsFoundByExportAndVerify) {
  UseTenant("tamper");
  RecordConsents(3);
  auto ready = host_->process().WaitForLog(
      [](const nlohmann::json& j) { return j.value("msg", "") == "embedded PostgreSQL ready"; });
  ASSERT_TRUE(ready.has_value());
  try {
    // As the database superuser, past the append-only triggers: what an insider could do.
    pqxx::connection db("host=" + ready->value("socket_dir", "") + " user=postgres dbname=fgc");
    pqxx::work tx(db);
    tx.exec("SET session_replication_role = replica");
    auto changed = tx.exec(
        "UPDATE ledger.entries SET leaf_data = convert_to(replace(convert_from(leaf_data, 'UTF8'),"
        " 'CONSENT_PURPOSE_CONTACT_NETWORK', 'CONSENT_PURPOSE_SHARE_INFORMATION'), 'UTF8') "
        "WHERE tenant = 'tamper' AND idx = 1");
    ASSERT_EQ(changed.affected_rows(), 1u);
    tx.commit();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  auto r = VerifyOffline({"--export", Export(), "--verifier-key", VerifierKey()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "  entry 1: ")) << r.err;
  EXPECT_FALSE(Contains(r.err, "entry 0")) << r.err;
  EXPECT_FALSE(Contains(r.err, "entry 2")) << r.err;
  auto get = Ledger({"get", "--entry", "1"});
  EXPECT_EQ(get.exit_code, 1);
  EXPECT_TRUE(Contains(get.err, "local verification FAILED")) << get.err;
}

}  // namespace
}  // namespace fgc
