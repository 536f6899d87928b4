// The plan store against real PostgreSQL with the plans migrations: a plan and its versions read
// back as written and sealed at rest; a write from a stale read is refused; a retried request
// gets its first response; and a submitted version's content cannot be changed or removed even
// by SQL that goes round the service (the trigger), nor a plan's tenant wall crossed.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "common/crypto/random.h"
#include "common/db/migrations.h"
#include "common/db/test_postgres.h"
#include "services/plans/plan_store.h"

namespace fgc::plans {
std::span<const EmbeddedFile> Migrations();

namespace {

class PlanStoreIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pool = db::testing::ProvisionedPool(db::testing::UniqueName("plans"), 4);
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
    auto migrated = db::ApplyMigrations(*pool_, Migrations());
    ASSERT_TRUE(migrated.ok()) << migrated.status();
    auto kek_bytes = crypto::RandomBytes(32);
    ASSERT_TRUE(kek_bytes.ok());
    auto kek = crypto::KeyEncryptionKey::FromBytes(*kek_bytes);
    ASSERT_TRUE(kek.ok());
    kek_.emplace(*std::move(kek));
    store_.emplace(pool_.get(), &*kek_);
    tenant_ = db::testing::UniqueName("t");
    plan_name_ = absl::StrCat("tenants/", tenant_, "/conferences/c1/plans/plan");
  }

  PlanAggregate NewPlan() const {
    PlanAggregate aggregate;
    aggregate.plan.set_name(plan_name_);
    aggregate.plan.set_state(v1::PLAN_STATE_DRAFTING);
    aggregate.plan.mutable_draft()->set_family_words("Nain stays with Sam every night.");
    return aggregate;
  }

  static v1::PlanVersion VersionOf(const PlanAggregate& aggregate, int number) {
    v1::PlanVersion version;
    version.set_name(absl::StrCat(aggregate.plan.name(), "/versions/", number));
    version.set_version_number(number);
    version.set_state(v1::PLAN_VERSION_STATE_AWAITING_DECISION);
    *version.mutable_content() = aggregate.plan.draft();
    return version;
  }

  // Saves with the plan's name as the response.
  absl::StatusOr<std::string> Save(PlanAggregate aggregate, const std::set<int>& changed = {},
                                   const db::RequestKey& key = {}) {
    return store_->Save(tenant_, std::move(aggregate), changed, key,
                        [](const PlanAggregate& stored) { return stored.plan.etag(); });
  }

  std::unique_ptr<db::Pool> pool_;
  std::optional<crypto::KeyEncryptionKey> kek_;
  std::optional<PlanStore> store_;
  std::string tenant_;
  std::string plan_name_;
};

TEST_F(PlanStoreIntegration, APlanAndItsVersionsReadBackAsWrittenAndAreSealedAtRest) {
  PlanAggregate aggregate = NewPlan();
  ASSERT_TRUE(Save(aggregate).ok());
  auto read = store_->Get(tenant_, plan_name_);
  ASSERT_TRUE(read.ok()) << read.status();
  read->versions.push_back(VersionOf(*read, 1));
  read->plan.set_state(v1::PLAN_STATE_SUBMITTED);
  auto saved = Save(*read);
  ASSERT_TRUE(saved.ok()) << saved.status();
  EXPECT_EQ(*saved, "v2");

  auto again = store_->Get(tenant_, plan_name_);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->plan.draft().family_words(), "Nain stays with Sam every night.");
  ASSERT_EQ(again->versions.size(), 1u);
  EXPECT_EQ(again->versions[0].content().family_words(), "Nain stays with Sam every night.");
  auto conference =
      store_->OfConference(tenant_, absl::StrCat("tenants/", tenant_, "/conferences/c1"));
  ASSERT_TRUE(conference.ok() && conference->has_value());

  // Nothing the family wrote is in the clear in the database.
  auto raw = pool_->WithTenantResult<std::string>(tenant_, [&](pqxx::work& tx) {
    pqxx::result rows = tx.exec_params(
        "SELECT p.sealed, v.sealed_content FROM plans p JOIN plan_versions v USING (tenant, "
        "conference) WHERE p.tenant = $1",
        tenant_);
    return absl::StrCat(pqxx::binarystring(rows[0][0]).str(), pqxx::binarystring(rows[0][1]).str());
  });
  ASSERT_TRUE(raw.ok()) << raw.status();
  EXPECT_EQ(raw->find("Nain"), std::string::npos);
}

TEST_F(PlanStoreIntegration, AWriteFromAStaleReadIsAbortedAndChangesNothing) {
  ASSERT_TRUE(Save(NewPlan()).ok());
  auto first = store_->Get(tenant_, plan_name_);
  auto second = store_->Get(tenant_, plan_name_);
  ASSERT_TRUE(first.ok() && second.ok());
  first->plan.mutable_draft()->set_contingency("Aunt Pat");
  second->plan.mutable_draft()->set_contingency("Uncle Dev");
  ASSERT_TRUE(Save(*first).ok());
  auto stale = Save(*second);
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  auto read = store_->Get(tenant_, plan_name_);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->plan.draft().contingency(), "Aunt Pat");
}

TEST_F(PlanStoreIntegration, ARetriedRequestGetsItsFirstResponseAndASecondPlanIsRefused) {
  const db::RequestKey key{"create-1", "CreatePlan", std::string(32, 'h')};
  auto first = Save(NewPlan(), {}, key);
  ASSERT_TRUE(first.ok()) << first.status();
  auto retried = Save(NewPlan(), {}, key);
  ASSERT_TRUE(retried.ok()) << retried.status();
  EXPECT_EQ(*retried, *first);
  PlanAggregate other = NewPlan();
  other.plan.set_name(absl::StrCat("tenants/", tenant_, "/conferences/c1/plans/other"));
  EXPECT_EQ(Save(other).status().code(), absl::StatusCode::kAlreadyExists)
      << "one plan per conference";
}

TEST_F(PlanStoreIntegration, ASubmittedVersionCannotBeChangedOrRemovedEvenBySql) {
  PlanAggregate aggregate = NewPlan();
  aggregate.versions.push_back(VersionOf(aggregate, 1));
  ASSERT_TRUE(Save(aggregate).ok());
  // Decisions go on the version's record: allowed.
  auto read = store_->Get(tenant_, plan_name_);
  ASSERT_TRUE(read.ok());
  read->versions[0].set_state(v1::PLAN_VERSION_STATE_ACCEPTED);
  ASSERT_TRUE(Save(*read, {1}).ok());
  // Its content, never.
  absl::Status changed = pool_->WithTenant(tenant_, [&](pqxx::work& tx) {
    tx.exec_params("UPDATE plan_versions SET sealed_content = sealed_record WHERE tenant = $1",
                   tenant_);
    return absl::OkStatus();
  });
  EXPECT_FALSE(changed.ok());
  absl::Status removed = pool_->WithTenant(tenant_, [&](pqxx::work& tx) {
    tx.exec_params("DELETE FROM plan_versions WHERE tenant = $1", tenant_);
    return absl::OkStatus();
  });
  EXPECT_FALSE(removed.ok());
  auto after = store_->Get(tenant_, plan_name_);
  ASSERT_TRUE(after.ok()) << after.status();
  ASSERT_EQ(after->versions.size(), 1u);
  EXPECT_EQ(after->versions[0].state(), v1::PLAN_VERSION_STATE_ACCEPTED);
  EXPECT_EQ(after->versions[0].content().family_words(), "Nain stays with Sam every night.");
}

TEST_F(PlanStoreIntegration, AnotherTenantFindsNothing) {
  ASSERT_TRUE(Save(NewPlan()).ok());
  const std::string other = db::testing::UniqueName("t");
  EXPECT_EQ(store_->Get(other, plan_name_).status().code(), absl::StatusCode::kNotFound);
  auto none = store_->OfConference(other, absl::StrCat("tenants/", tenant_, "/conferences/c1"));
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

}  // namespace
}  // namespace fgc::plans
