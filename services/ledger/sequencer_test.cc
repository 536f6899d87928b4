// Sequencer against real PostgreSQL: concurrent appends are grouped into batches, every index
// is unique and dense, each call returns only with a checkpoint covering its entry, and a
// retried request id returns the first index.
#include "services/ledger/sequencer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/crypto/sha256.h"
#include "common/db/migrations.h"
#include "common/db/test_postgres.h"

namespace fgc::ledger {
std::span<const EmbeddedFile> Migrations();

namespace {

PendingAppend Pending(const std::string& request_id) {
  PendingAppend p;
  p.request_id = request_id;
  p.request_hash = crypto::Sha256(request_id);
  p.columns.kind = 1;
  p.columns.conference = "tenants/t/conferences/c1";
  p.columns.subject = "tenants/t/conferences/c1/children/k1";
  p.columns.occur_time = absl::FromUnixSeconds(1'700'000'000);
  p.leaf_data = [request_id](int64_t index, absl::Time) -> absl::StatusOr<std::string> {
    return absl::StrCat(index, ":", request_id);
  };
  return p;
}

class SequencerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pool = db::testing::ProvisionedPool(db::testing::UniqueName("ledger"), 8);
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
    ASSERT_TRUE(db::ApplyMigrations(*pool_, Migrations()).ok());
    store_ = std::make_unique<LedgerStore>(pool_.get());
    sequencer_ = std::make_unique<Sequencer>(
        store_.get(),
        [this](const std::string&, int64_t size,
               const std::string&) -> absl::StatusOr<std::string> {
          ++checkpoints_signed_;
          return absl::StrCat("checkpoint ", size);
        },
        Sequencer::Options{});
  }

  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<LedgerStore> store_;
  std::atomic<int> checkpoints_signed_{0};
  std::unique_ptr<Sequencer> sequencer_;
};

TEST_F(SequencerTest, AThousandAppendsFromSixtyFourClientsAreDenseAndGrouped) {
  constexpr int kClients = 64;
  constexpr int kPerClient = 1000 / kClients + 1;  // 1,024 in all
  std::vector<std::thread> clients;
  std::vector<std::vector<int64_t>> indexes(kClients);
  std::atomic<int> failures{0};
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < kPerClient; ++i) {
        auto r = sequencer_->Append("t", Pending(absl::StrCat(c, "/", i)));
        if (!r.ok() || !r->checkpoint || r->checkpoint->size <= r->index) {
          ++failures;
          continue;
        }
        indexes[c].push_back(r->index);
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(failures.load(), 0);
  std::set<int64_t> all;
  for (const auto& v : indexes) all.insert(v.begin(), v.end());
  ASSERT_EQ(all.size(), static_cast<size_t>(kClients * kPerClient));
  EXPECT_EQ(*all.rbegin(), kClients * kPerClient - 1);
  // Grouped: far fewer transactions (one checkpoint each) than appends.
  EXPECT_LT(checkpoints_signed_.load(), kClients * kPerClient / 2);
}

TEST_F(SequencerTest, ARetriedRequestIdReturnsTheFirstIndex) {
  auto first = sequencer_->Append("t", Pending("once"));
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(sequencer_->Append("t", Pending("other")).ok());
  auto again = sequencer_->Append("t", Pending("once"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->index, first->index);
  EXPECT_TRUE(again->replayed);
}

TEST_F(SequencerTest, TenantsAreSequencedIndependently) {
  auto a = sequencer_->Append("t", Pending("x"));
  auto b = sequencer_->Append("u", Pending("x"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->index, 0);
  EXPECT_EQ(b->index, 0);
}

}  // namespace
}  // namespace fgc::ledger
