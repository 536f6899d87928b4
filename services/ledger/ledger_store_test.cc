// LedgerStore against real PostgreSQL: dense indexes, idempotent request ids, proofs from the
// stored nodes that verify against the signed head, concurrent batches, append-only rows.
#include "services/ledger/ledger_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/crypto/sha256.h"
#include "common/db/migrations.h"
#include "common/db/test_postgres.h"
#include "services/ledger/log/proof.h"
#include "services/ledger/log/proof_verification.h"

namespace fgc::ledger {
std::span<const EmbeddedFile> Migrations();

namespace {

using ::testing::HasSubstr;

class LedgerStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pool = db::testing::ProvisionedPool(db::testing::UniqueName("ledger"), 8);
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
    ASSERT_TRUE(db::ApplyMigrations(*pool_, Migrations()).ok());
    store_ = std::make_unique<LedgerStore>(pool_.get());
  }

  static PendingAppend Pending(const std::string& request_id, const std::string& body) {
    PendingAppend p;
    p.request_id = request_id;
    p.request_hash = crypto::Sha256(body);
    p.columns.kind = 1;
    p.columns.conference = "tenants/t/conferences/c1";
    p.columns.subject = "tenants/t/conferences/c1/children/k1";
    p.columns.purpose = 1;
    p.columns.occur_time = absl::FromUnixSeconds(1'700'000'000);
    p.leaf_data = [body](int64_t index, absl::Time) -> absl::StatusOr<std::string> {
      return absl::StrCat(index, ":", body);
    };
    return p;
  }

  static absl::StatusOr<std::string> Sign(const std::string&, int64_t size,
                                          const std::string& root) {
    return absl::StrCat("note ", size, " ", root.size());
  }

  absl::StatusOr<LedgerStore::BatchResult> Append(const std::string& tenant,
                                                  std::vector<PendingAppend> batch) {
    return store_->AppendBatch(tenant, batch, &LedgerStoreTest::Sign);
  }

  // Every entry's inclusion proof, and every checkpoint's consistency with the latest, verify
  // against the signed head from nodes as stored.
  void ExpectEveryProofVerifies(const std::string& tenant, int64_t expected_size) {
    auto head = store_->LatestCheckpoint(tenant);
    ASSERT_TRUE(head.ok() && head->has_value());
    const auto size = static_cast<uint64_t>((*head)->size);
    ASSERT_EQ(size, static_cast<uint64_t>(expected_size));
    for (uint64_t index = 0; index < size; ++index) {
      auto entry = store_->ReadEntry(tenant, static_cast<int64_t>(index));
      ASSERT_TRUE(entry.ok());
      EXPECT_EQ(entry->leaf_hash, log::LeafHash(entry->leaf_data));
      auto plan = log::PlanInclusionProof(index, size);
      ASSERT_TRUE(plan.ok());
      auto hashes = store_->ReadNodes(tenant, plan->node_ids);
      ASSERT_TRUE(hashes.ok()) << hashes.status();
      auto proof = log::BuildProof(*plan, *hashes);
      ASSERT_TRUE(proof.ok());
      EXPECT_TRUE(
          log::VerifyInclusion(index, size, entry->leaf_hash, *proof, (*head)->root_hash).ok())
          << index;
    }
    for (uint64_t s = 1; s < size; ++s) {
      auto old = store_->CheckpointAt(tenant, static_cast<int64_t>(s));
      ASSERT_TRUE(old.ok());
      if (!old->has_value()) continue;  // not every size was a batch's end
      auto plan = log::PlanConsistencyProof(s, size);
      ASSERT_TRUE(plan.ok());
      auto proof = log::BuildProof(*plan, store_->ReadNodes(tenant, plan->node_ids).value());
      ASSERT_TRUE(proof.ok());
      EXPECT_TRUE(
          log::VerifyConsistency(s, size, *proof, (*old)->root_hash, (*head)->root_hash).ok())
          << s;
    }
  }

  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<LedgerStore> store_;
};

TEST_F(LedgerStoreTest, BatchesGetDenseIndexesAndACheckpoint) {
  auto first = Append("t", {Pending("a", "A"), Pending("b", "B")});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->outcomes[0].index, 0);
  EXPECT_EQ(first->outcomes[1].index, 1);
  ASSERT_TRUE(first->checkpoint.has_value());
  EXPECT_EQ(first->checkpoint->size, 2);
  auto second = Append("t", {Pending("c", "C")});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->outcomes[0].index, 2);
  auto latest = store_->LatestCheckpoint("t");
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->size, 3);
  EXPECT_EQ((*latest)->note, "note 3 32");
}

TEST_F(LedgerStoreTest, ARetriedRequestIdReturnsTheFirstIndex) {
  ASSERT_TRUE(Append("t", {Pending("a", "A"), Pending("b", "B")}).ok());
  auto again = Append("t", {Pending("b", "B"), Pending("c", "C"), Pending("c", "C")});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->outcomes[0].replayed);
  EXPECT_EQ(again->outcomes[0].index, 1);
  EXPECT_EQ(again->outcomes[1].index, 2);
  EXPECT_EQ(again->outcomes[2].index, 2);  // the same id twice in one batch: appended once
  EXPECT_EQ(again->checkpoint->size, 3);
}

TEST_F(LedgerStoreTest, AReusedRequestIdWithAnotherBodyIsRefused) {
  ASSERT_TRUE(Append("t", {Pending("a", "A")}).ok());
  auto clash = Append("t", {Pending("a", "something else")});
  ASSERT_TRUE(clash.ok());
  EXPECT_EQ(clash->outcomes[0].status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(clash->checkpoint.has_value());
}

TEST_F(LedgerStoreTest, AnAppendSealedUnderAnErasedKeyIsRefusedAndTheRestStand) {
  const std::string conference = "tenants/t/conferences/c1";
  auto key = store_->PutWrappedDataKey("t", conference, "wrapped key bytes");
  ASSERT_TRUE(key.ok()) << key.status();
  PendingAppend sealed = Pending("a", "A");
  sealed.sealed_under = *key;
  auto first = Append("t", {sealed});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->outcomes[0].index, 0);

  // The key was read (and remembered) before an erasure: it must not seal anything after it.
  ASSERT_TRUE(store_->EraseDataKey("t", conference, "court order").ok());
  PendingAppend late = Pending("b", "B");
  late.sealed_under = *key;
  auto second = Append("t", {late, Pending("c", "C")});
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->outcomes[0].status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(second->outcomes[0].status.message()), HasSubstr("erased"));
  EXPECT_EQ(second->outcomes[1].index, 1);  // the index stays dense
  EXPECT_EQ(second->checkpoint->size, 2);
}

TEST_F(LedgerStoreTest, ProofsFromStoredNodesVerifyAgainstTheHead) {
  for (int batch = 0; batch < 7; ++batch) {
    std::vector<PendingAppend> pending;
    for (int i = 0; i <= batch; ++i) {
      pending.push_back(Pending(absl::StrCat(batch, "-", i), absl::StrCat("body", batch, i)));
    }
    ASSERT_TRUE(Append("t", pending).ok());
  }
  ExpectEveryProofVerifies("t", 28);
}

TEST_F(LedgerStoreTest, TwoHostsAppendingToOneLogKeepItConsistent) {
  // Each store remembers the log's right edge from its own last batch; when the other host
  // moved the log on, that memory must not be used.
  LedgerStore other_host(pool_.get());
  int n = 0;
  for (LedgerStore* store :
       {store_.get(), &other_host, store_.get(), store_.get(), &other_host, store_.get()}) {
    std::vector<PendingAppend> pending;
    for (int i = 0; i <= n % 3; ++i, ++n) pending.push_back(Pending(absl::StrCat(n), "x"));
    auto r = store->AppendBatch("t", pending, &LedgerStoreTest::Sign);
    ASSERT_TRUE(r.ok()) << r.status();
  }
  ExpectEveryProofVerifies("t", n);
}

TEST_F(LedgerStoreTest, ConcurrentBatchesStayDenseAndUnique) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  std::vector<std::thread> threads;
  std::vector<std::vector<int64_t>> got(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto r = Append("t", {Pending(absl::StrCat(t, "/", i), absl::StrCat("x", t, i))});
        ASSERT_TRUE(r.ok()) << r.status();
        got[t].push_back(r->outcomes[0].index);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<int64_t> all;
  for (const auto& v : got) all.insert(v.begin(), v.end());
  ASSERT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
  EXPECT_EQ(*all.begin(), 0);
  EXPECT_EQ(*all.rbegin(), kThreads * kPerThread - 1);
}

TEST_F(LedgerStoreTest, TenantsHaveSeparateLogs) {
  ASSERT_TRUE(Append("t", {Pending("a", "A")}).ok());
  auto other = Append("u", {Pending("a", "A")});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->outcomes[0].index, 0);
  EXPECT_FALSE(other->outcomes[0].replayed);
  EXPECT_EQ(store_->ReadEntry("u", 1).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(LedgerStoreTest, StoredEntriesCannotBeChangedOrRemoved) {
  ASSERT_TRUE(Append("t", {Pending("a", "A")}).ok());
  absl::Status update = pool_->WithTenant("t", [](pqxx::work& tx) {
    tx.exec("UPDATE entries SET leaf_data = 'x'::bytea");
    return absl::OkStatus();
  });
  EXPECT_EQ(update.code(), absl::StatusCode::kPermissionDenied) << update;
  absl::Status remove = pool_->WithTenant("t", [](pqxx::work& tx) {
    tx.exec("DELETE FROM tree_nodes");
    return absl::OkStatus();
  });
  EXPECT_EQ(remove.code(), absl::StatusCode::kPermissionDenied) << remove;
}

}  // namespace
}  // namespace fgc::ledger
