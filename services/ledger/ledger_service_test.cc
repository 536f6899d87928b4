// LedgerService over real gRPC (a loopback socket) and real PostgreSQL: recording consent and
// power, CheckConsent flipping on withdrawal, idempotent request ids, field violations, and
// proofs and signed checkpoints that a client verifies with only the verifier key.
#include "services/ledger/ledger_service.h"

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "common/auth/jwt_signer.h"
#include "common/crypto/ed25519.h"
#include "common/db/migrations.h"
#include "common/db/test_postgres.h"
#include "common/server/grpc_host.h"
#include "fgc/v1/ledger_service.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "services/ledger/entry/test_entries.h"
#include "services/ledger/log/checkpoint.h"
#include "services/ledger/log/merkle.h"
#include "services/ledger/log/proof_verification.h"
#include "tests/support/host_process.h"

namespace fgc::ledger {
std::span<const EmbeddedFile> Migrations();

namespace {

using testing::kConference;
using testing::kSubject;
using testing::kTenant;
using testing::ValidConsent;
using testing::ValidPower;

class LedgerServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pool = db::testing::ProvisionedPool(db::testing::UniqueName("ledger"), 8);
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
    ASSERT_TRUE(db::ApplyMigrations(*pool_, Migrations()).ok());

    signer_ = std::make_unique<auth::JwtSigner>("k", crypto::Ed25519PrivateKey::Generate().value());
    auto verifier = std::make_shared<const auth::JwtVerifier>(
        auth::JwtVerifier::Create(auth::Jwks::Create({signer_->PublicJwk()}).value()).value());
    guard_ = std::make_unique<server::RequestGuard>(
        verifier, std::make_shared<const auth::RoleTable>(auth::RoleTable::Load().value()));
    HostConfig config;
    config.state_dir = dir_.path() + "/state";
    service_ = std::make_unique<LedgerService>(guard_.get(), pool_.get(), &peers_,
                                               LoadLedgerKeys(config).value());
    server::GrpcHostOptions options;
    options.listen = "127.0.0.1:0";
    options.metrics = std::make_shared<prometheus::Registry>();
    options.services = {service_.get()};
    host_ = server::GrpcHost::Start(options).value();
    stub_ = v1::LedgerService::NewStub(
        grpc::CreateChannel(host_->address(), grpc::InsecureChannelCredentials()));
  }

  std::unique_ptr<grpc::ClientContext> Context(auth::Role role = auth::Role::kReferrer) {
    auth::Claims claims;
    claims.sub = "worker-1";
    claims.tenant = kTenant;
    claims.role = role;
    claims.agency = "agency-a";
    claims.exp = absl::Now() + absl::Minutes(5);
    claims.aud = {"fgc"};
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("authorization", "Bearer " + signer_->Sign(claims).value());
    return context;
  }

  v1::RecordConsentRequest ConsentRequest(const std::string& request_id) {
    v1::RecordConsentRequest req;
    req.set_parent(std::string("tenants/") + kTenant + "/ledger");
    *req.mutable_entry() = ValidConsent();
    req.set_request_id(request_id);
    return req;
  }

  v1::CheckConsentResponse Check() {
    v1::CheckConsentRequest req;
    req.set_parent(std::string("tenants/") + kTenant + "/ledger");
    req.set_conference(kConference);
    req.set_subject(kSubject);
    req.set_purpose(v1::CONSENT_PURPOSE_CONTACT_NETWORK);
    v1::CheckConsentResponse resp;
    grpc::Status s = stub_->CheckConsent(Context().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp;
  }

  fgc::testing::TempDir dir_;
  server::PeerChannels peers_{{}, {}};  // no InvitationService: tokens do not resolve
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<auth::JwtSigner> signer_;
  std::unique_ptr<server::RequestGuard> guard_;
  std::unique_ptr<LedgerService> service_;
  std::unique_ptr<server::GrpcHost> host_;
  std::unique_ptr<v1::LedgerService::Stub> stub_;
};

TEST_F(LedgerServiceTest, RecordedConsentIsAllowedUntilWithdrawn) {
  EXPECT_FALSE(Check().allowed());
  v1::RecordConsentResponse recorded;
  ASSERT_TRUE(stub_->RecordConsent(Context().get(), ConsentRequest("r1"), &recorded).ok());
  EXPECT_EQ(recorded.entry().index(), 0);
  EXPECT_EQ(recorded.entry().actor().subject(), "worker-1");
  EXPECT_EQ(recorded.entry().leaf_hash(), log::LeafHash(recorded.entry().leaf_data()));
  // What was given reads back as given; what was hashed holds it sealed.
  EXPECT_EQ(recorded.entry().consent().grantor().display_name(),
            ValidConsent().consent().grantor().display_name());
  EXPECT_EQ(recorded.entry().leaf_data().find(ValidConsent().consent().grantor().display_name()),
            std::string::npos);

  v1::CheckConsentResponse given = Check();
  EXPECT_TRUE(given.allowed());
  EXPECT_EQ(given.entry(), recorded.entry().name());

  v1::WithdrawConsentRequest withdraw;
  withdraw.set_name(recorded.entry().name());
  withdraw.set_collection_method(v1::COLLECTION_METHOD_WRITTEN);
  withdraw.set_language_code("en");
  withdraw.set_request_id("w1");
  v1::WithdrawConsentResponse withdrawn;
  grpc::Status s = stub_->WithdrawConsent(Context().get(), withdraw, &withdrawn);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(withdrawn.entry().kind(), v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN);
  EXPECT_EQ(withdrawn.entry().supersedes(), recorded.entry().name());

  v1::CheckConsentResponse after = Check();
  EXPECT_FALSE(after.allowed());
  EXPECT_EQ(after.result(), v1::CONSENT_CHECK_RESULT_WITHDRAWN);

  withdraw.set_request_id("w2");
  s = stub_->WithdrawConsent(Context().get(), withdraw, &withdrawn);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(LedgerServiceTest, ARetriedRequestIdReturnsTheFirstEntry) {
  v1::RecordConsentResponse first, again;
  ASSERT_TRUE(stub_->RecordConsent(Context().get(), ConsentRequest("same"), &first).ok());
  ASSERT_TRUE(stub_->RecordConsent(Context().get(), ConsentRequest("same"), &again).ok());
  EXPECT_EQ(again.entry().index(), first.entry().index());
  EXPECT_EQ(again.entry().leaf_hash(), first.entry().leaf_hash());

  v1::RecordConsentRequest other = ConsentRequest("same");
  other.mutable_entry()->set_decision("something else");
  grpc::Status s = stub_->RecordConsent(Context().get(), other, &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(LedgerServiceTest, APowerRecordWithoutLegalBasisOrReasonsNamesBothFields) {
  v1::RecordPowerUseRequest req;
  req.set_parent(std::string("tenants/") + kTenant + "/ledger");
  *req.mutable_entry() = ValidPower();
  req.mutable_entry()->mutable_power()->clear_legal_basis();
  req.mutable_entry()->mutable_power()->clear_reasons();
  req.set_request_id("p1");
  v1::RecordPowerUseResponse resp;
  grpc::Status s = stub_->RecordPowerUse(Context().get(), req, &resp);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status rich;
  ASSERT_TRUE(rich.ParseFromString(s.error_details()));
  std::set<std::string> fields;
  for (const auto& any : rich.details()) {
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) fields.insert(v.field());
    }
  }
  EXPECT_TRUE(fields.count("entry.power.reasons")) << s.error_message();
  bool legal_basis = false;
  for (const auto& f : fields) legal_basis |= f.rfind("entry.power.legal_basis", 0) == 0;
  EXPECT_TRUE(legal_basis) << s.error_message();
}

TEST_F(LedgerServiceTest, ARetriedWithdrawalReturnsTheFirstWithdrawal) {
  v1::RecordConsentResponse recorded;
  ASSERT_TRUE(stub_->RecordConsent(Context().get(), ConsentRequest("c-retry"), &recorded).ok());
  v1::WithdrawConsentRequest req;
  req.set_name(recorded.entry().name());
  req.set_collection_method(v1::COLLECTION_METHOD_VERBAL_TELEPHONE);
  req.set_language_code("en");
  req.set_request_id("w-retry");
  v1::WithdrawConsentResponse first, again;
  ASSERT_TRUE(stub_->WithdrawConsent(Context().get(), req, &first).ok());
  grpc::Status s = stub_->WithdrawConsent(Context().get(), req, &again);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(again.entry().name(), first.entry().name());
  req.set_reason("changed my mind");
  EXPECT_EQ(stub_->WithdrawConsent(Context().get(), req, &again).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(LedgerServiceTest, ACoordinatorRecordsARestrictionOfParticipation) {
  v1::RecordPowerUseRequest req;
  req.set_parent(std::string("tenants/") + kTenant + "/ledger");
  *req.mutable_entry() = ValidPower();
  req.mutable_entry()->mutable_power()->set_power(v1::POWER_KIND_RESTRICT_PARTICIPATION);
  req.mutable_entry()->mutable_power()->clear_overridden_purpose();
  req.set_request_id("restrict-1");
  v1::RecordPowerUseResponse resp;
  grpc::Status s = stub_->RecordPowerUse(Context(auth::Role::kCoordinator).get(), req, &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(resp.entry().actor().role(), v1::ACTOR_ROLE_COORDINATOR);
}

TEST_F(LedgerServiceTest, ACoordinatorMayNotRecordProceedingWithoutConsent) {
  v1::RecordPowerUseRequest req;
  req.set_parent(std::string("tenants/") + kTenant + "/ledger");
  *req.mutable_entry() = ValidPower();
  req.set_request_id("override-1");
  v1::RecordPowerUseResponse resp;
  grpc::Status s = stub_->RecordPowerUse(Context(auth::Role::kCoordinator).get(), req, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();
  EXPECT_FALSE(Check().allowed());  // nothing was written
}

TEST_F(LedgerServiceTest, ATokenThatCannotBeResolvedIsUnavailableAndReadsNothing) {
  grpc::ClientContext context;
  context.AddMetadata("x-fgc-invitation-token", "dGhpcyBpcyBub3QgYSByZWFsIHRva2VuIGF0IGFsbA");
  v1::GetMyRecordResponse resp;
  grpc::Status s = stub_->GetMyRecord(&context, v1::GetMyRecordRequest(), &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
  EXPECT_EQ(resp.entries_size(), 0);
}

TEST_F(LedgerServiceTest, ProofsAndCheckpointsVerifyWithOnlyTheVerifierKey) {
  for (int i = 0; i < 5; ++i) {
    v1::RecordConsentResponse r;
    ASSERT_TRUE(
        stub_->RecordConsent(Context().get(), ConsentRequest("c" + std::to_string(i)), &r).ok());
  }
  v1::GetCheckpointRequest cp_req;
  cp_req.set_name(std::string("tenants/") + kTenant + "/ledger/checkpoints/latest");
  v1::GetCheckpointResponse cp;
  ASSERT_TRUE(stub_->GetCheckpoint(Context(auth::Role::kAuditor).get(), cp_req, &cp).ok());
  auto verifier = log::NoteVerifier::FromVerifierKey(cp.verifier_key());
  ASSERT_TRUE(verifier.ok()) << verifier.status();
  auto opened = log::OpenCheckpoint(cp.checkpoint().note(), *verifier, cp.checkpoint().origin());
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(opened->size, 5u);
  EXPECT_EQ(opened->root, cp.checkpoint().root_hash());

  for (int i = 0; i < 5; ++i) {
    v1::GetEntryRequest req;
    req.set_name(std::string("tenants/") + kTenant + "/ledger/entries/" + std::to_string(i));
    v1::GetEntryResponse resp;
    ASSERT_TRUE(stub_->GetEntry(Context(auth::Role::kAuditor).get(), req, &resp).ok());
    std::vector<std::string> proof(resp.inclusion_proof().hashes().begin(),
                                   resp.inclusion_proof().hashes().end());
    EXPECT_TRUE(
        log::VerifyInclusion(i, 5, log::LeafHash(resp.entry().leaf_data()), proof, opened->root)
            .ok())
        << i;
  }
  v1::GetConsistencyProofRequest creq;
  creq.set_parent(std::string("tenants/") + kTenant + "/ledger");
  creq.set_first_tree_size(2);
  v1::GetConsistencyProofResponse cresp;
  ASSERT_TRUE(stub_->GetConsistencyProof(Context().get(), creq, &cresp).ok());
  v1::GetCheckpointRequest old_req;
  old_req.set_name(std::string("tenants/") + kTenant + "/ledger/checkpoints/2");
  v1::GetCheckpointResponse old;
  ASSERT_TRUE(stub_->GetCheckpoint(Context().get(), old_req, &old).ok());
  std::vector<std::string> proof(cresp.proof().hashes().begin(), cresp.proof().hashes().end());
  EXPECT_TRUE(log::VerifyConsistency(2, 5, proof, old.checkpoint().root_hash(), opened->root).ok());
}

TEST_F(LedgerServiceTest, ListEntriesPagesThroughAFilteredLog) {
  for (int i = 0; i < 7; ++i) {
    v1::RecordConsentResponse r;
    ASSERT_TRUE(
        stub_->RecordConsent(Context().get(), ConsentRequest("l" + std::to_string(i)), &r).ok());
  }
  v1::ListEntriesRequest req;
  req.set_parent(std::string("tenants/") + kTenant + "/ledger");
  req.set_page_size(3);
  req.set_filter("kind = LEDGER_ENTRY_KIND_CONSENT_GIVEN AND index >= 1");
  std::vector<int64_t> seen;
  for (int page = 0; page < 5; ++page) {
    v1::ListEntriesResponse resp;
    grpc::Status s = stub_->ListEntries(Context(auth::Role::kAuditor).get(), req, &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(resp.tree_size(), 7);
    for (const auto& e : resp.entries()) seen.push_back(e.index());
    if (resp.next_page_token().empty()) break;
    req.set_page_token(resp.next_page_token());
  }
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));

  req.set_filter("kind = LEDGER_ENTRY_KIND_POWER_USED");  // the token belongs to another filter
  v1::ListEntriesResponse resp;
  EXPECT_EQ(stub_->ListEntries(Context().get(), req, &resp).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  req.clear_page_token();
  req.set_filter("colour = red");
  EXPECT_EQ(stub_->ListEntries(Context().get(), req, &resp).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(LedgerServiceTest, ErasureKeepsTheLogVerifiableAndTheDetailsUnreadable) {
  v1::RecordConsentResponse recorded;
  ASSERT_TRUE(stub_->RecordConsent(Context().get(), ConsentRequest("e1"), &recorded).ok());
  v1::EraseSubjectRequest erase;
  erase.set_parent(std::string("tenants/") + kTenant + "/ledger");
  erase.set_subject(kSubject);
  erase.set_reason("erasure request under GDPR Art. 17");
  erase.set_request_id("erase-1");
  v1::EraseSubjectResponse erased;
  grpc::Status s = stub_->EraseSubject(Context(auth::Role::kManager).get(), erase, &erased);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(erased.conference(), kConference);
  EXPECT_EQ(erased.erased_entry_count(), 1);

  v1::GetEntryRequest get;
  get.set_name(recorded.entry().name());
  v1::GetEntryResponse got;
  ASSERT_TRUE(stub_->GetEntry(Context().get(), get, &got).ok());
  EXPECT_TRUE(got.entry().erased());
  EXPECT_TRUE(got.entry().consent().grantor().display_name().empty());
  EXPECT_EQ(got.entry().leaf_data(), recorded.entry().leaf_data());
  std::vector<std::string> proof(got.inclusion_proof().hashes().begin(),
                                 got.inclusion_proof().hashes().end());
  EXPECT_TRUE(log::VerifyInclusion(0, 1, log::LeafHash(got.entry().leaf_data()), proof,
                                   got.checkpoint().root_hash())
                  .ok());
  // The decision stands on what stays readable; new personal details cannot be recorded.
  EXPECT_TRUE(Check().allowed());
  v1::RecordConsentResponse more;
  EXPECT_EQ(stub_->RecordConsent(Context().get(), ConsentRequest("e2"), &more).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // Erasing again reports the first erasure.
  v1::EraseSubjectResponse again;
  ASSERT_TRUE(stub_->EraseSubject(Context(auth::Role::kManager).get(), erase, &again).ok());
  EXPECT_EQ(again.erase_time().seconds(), erased.erase_time().seconds());
}

TEST_F(LedgerServiceTest, AThousandConcurrentAppendsFromSixtyFourClientsAllProve) {
  constexpr int kClients = 64;
  constexpr int kPerClient = 16;  // 1,024 appends
  std::vector<std::thread> clients;
  std::vector<std::vector<int64_t>> indexes(kClients);
  std::vector<std::vector<int64_t>> checkpoint_sizes(kClients);
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < kPerClient; ++i) {
        v1::RecordConsentResponse r;
        auto context = Context();
        grpc::Status s = stub_->RecordConsent(
            context.get(), ConsentRequest("c" + std::to_string(c) + "-" + std::to_string(i)), &r);
        if (s.ok()) indexes[c].push_back(r.entry().index());
      }
    });
  }
  for (auto& t : clients) t.join();
  std::set<int64_t> all;
  for (const auto& v : indexes) all.insert(v.begin(), v.end());
  ASSERT_EQ(all.size(), static_cast<size_t>(kClients * kPerClient));  // unique
  ASSERT_EQ(*all.rbegin(), kClients * kPerClient - 1);                // and dense

  v1::GetCheckpointRequest cp_req;
  cp_req.set_name(std::string("tenants/") + kTenant + "/ledger/checkpoints/latest");
  v1::GetCheckpointResponse cp;
  ASSERT_TRUE(stub_->GetCheckpoint(Context().get(), cp_req, &cp).ok());
  const int64_t size = cp.checkpoint().tree_size();
  ASSERT_EQ(size, kClients * kPerClient);
  for (int64_t i = 0; i < size; ++i) {
    v1::GetEntryRequest req;
    req.set_name(std::string("tenants/") + kTenant + "/ledger/entries/" + std::to_string(i));
    v1::GetEntryResponse resp;
    ASSERT_TRUE(stub_->GetEntry(Context().get(), req, &resp).ok()) << i;
    std::vector<std::string> proof(resp.inclusion_proof().hashes().begin(),
                                   resp.inclusion_proof().hashes().end());
    ASSERT_TRUE(log::VerifyInclusion(i, size, log::LeafHash(resp.entry().leaf_data()), proof,
                                     cp.checkpoint().root_hash())
                    .ok())
        << i;
  }
  // Every checkpoint signed along the way is a prefix of the next one.
  std::vector<int64_t> sizes;  // the sizes that have checkpoints: one per batch
  for (int64_t n = 1; n <= size; ++n) {
    v1::GetCheckpointRequest at;
    at.set_name(std::string("tenants/") + kTenant + "/ledger/checkpoints/" + std::to_string(n));
    v1::GetCheckpointResponse got;
    if (stub_->GetCheckpoint(Context().get(), at, &got).ok()) sizes.push_back(n);
  }
  EXPECT_LT(sizes.size(), static_cast<size_t>(size));  // appends were grouped into batches
  for (size_t k = 0; k + 1 < sizes.size(); ++k) {
    v1::GetConsistencyProofRequest req;
    req.set_parent(std::string("tenants/") + kTenant + "/ledger");
    req.set_first_tree_size(sizes[k]);
    req.set_second_tree_size(sizes[k + 1]);
    v1::GetConsistencyProofResponse resp;
    ASSERT_TRUE(stub_->GetConsistencyProof(Context().get(), req, &resp).ok());
    v1::GetCheckpointRequest first_req;
    first_req.set_name(std::string("tenants/") + kTenant + "/ledger/checkpoints/" +
                       std::to_string(sizes[k]));
    v1::GetCheckpointResponse first;
    ASSERT_TRUE(stub_->GetCheckpoint(Context().get(), first_req, &first).ok());
    std::vector<std::string> proof(resp.proof().hashes().begin(), resp.proof().hashes().end());
    EXPECT_TRUE(log::VerifyConsistency(sizes[k], sizes[k + 1], proof,
                                       first.checkpoint().root_hash(),
                                       resp.checkpoint().root_hash())
                    .ok())
        << sizes[k] << " -> " << sizes[k + 1];
  }
}

TEST_F(LedgerServiceTest, AnEmptyLedgerHasNoCheckpointYet) {
  v1::GetCheckpointRequest req;
  req.set_name(std::string("tenants/") + kTenant + "/ledger/checkpoints/latest");
  v1::GetCheckpointResponse resp;
  EXPECT_EQ(stub_->GetCheckpoint(Context().get(), req, &resp).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

}  // namespace
}  // namespace fgc::ledger
