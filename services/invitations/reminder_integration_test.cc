// Reminders end to end against real PostgreSQL with the invitations migrations: invitations and
// family views stored as the service stores them, links derived as NewLink derives them, and
// the job's RunOnce at chosen times (no test sleeps). The reminder's link is read back from the
// outbox's sealed payload and opened as GetMyInvitation opens a token.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "common/crypto/random.h"
#include "common/db/migrations.h"
#include "common/db/test_postgres.h"
#include "common/sealing/conference_keys.h"
#include "google/protobuf/util/time_util.h"
#include "services/invitations/invitation_store.h"
#include "services/invitations/member_store.h"
#include "services/invitations/outbox/outbox_payload.h"
#include "services/invitations/reminder_job.h"
#include "services/invitations/reminder_link.h"

namespace fgc::invitations {
std::span<const EmbeddedFile> Migrations();

namespace {

using google::protobuf::util::TimeUtil;
using ::testing::HasSubstr;

google::protobuf::Timestamp ToProto(absl::Time t) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}

// One reminder as queued: its payload opened.
struct QueuedReminder {
  std::string member;
  std::string body;
  std::string link;  // the https://family.example/i/<token> in the body
};

class ReminderIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pool = db::testing::ProvisionedPool(db::testing::UniqueName("reminders"), 4);
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
    auto migrated = db::ApplyMigrations(*pool_, Migrations());
    ASSERT_TRUE(migrated.ok()) << migrated.status();
    auto kek_bytes = crypto::RandomBytes(32);
    ASSERT_TRUE(kek_bytes.ok());
    auto kek = crypto::KeyEncryptionKey::FromBytes(*kek_bytes);
    ASSERT_TRUE(kek.ok());
    kek_.emplace(*std::move(kek));
    tenant_ = db::testing::UniqueName("t");
    conference_ = absl::StrCat("tenants/", tenant_, "/conferences/c1");
    invitations_.emplace(pool_.get(), &*kek_);
    members_.emplace(pool_.get(), &*kek_);
    auto links = InvitationLinks::ForHost("family.example");
    ASSERT_TRUE(links.ok());
    auto job = ReminderJob::Create(pool_.get(), &*kek_, *links);
    ASSERT_TRUE(job.ok()) << job.status();
    job_ = *std::move(job);
    SetDeadline(now_ + absl::Hours(24));
  }

  void SetDeadline(absl::Time deadline) {
    v1::GetMyInvitationResponse view;
    view.add_child_display_names("Sam");
    view.mutable_coordinator()->set_display_name("Jo Evans");
    view.set_stage(v1::STAGE_PREPARATION);
    view.set_conference_time_zone("Europe/London");
    *view.mutable_availability_deadline() = ToProto(deadline);
    ASSERT_TRUE(invitations_->PutFamilyView(tenant_, conference_, view).ok());
  }

  // A member with an email address, excluded when asked.
  std::string AddMember(const std::string& id, bool excluded = false) {
    v1::NetworkMember m;
    m.set_name(absl::StrCat(conference_, "/members/", id));
    m.set_display_name("Mair Jones");
    m.set_language_code("cy");
    v1::ContactChannel* email = m.add_contacts();
    email->set_kind(v1::CONTACT_KIND_EMAIL);
    email->set_value(absl::StrCat(id, "@example.org"));
    if (excluded) m.mutable_restriction()->set_kind(v1::RESTRICTION_KIND_EXCLUDED);
    auto created = members_->Create(tenant_, m, {});
    EXPECT_TRUE(created.ok()) << created.status();
    return m.name();
  }

  // An invitation stored with its first link, derived as NewLink derives it (no request_id).
  v1::Invitation Invite(const std::string& member, v1::DeliveryChannel channel) {
    v1::Invitation invitation;
    invitation.set_name(
        absl::StrCat(conference_, "/invitations/inv-", member.substr(member.rfind('/') + 1)));
    invitation.set_member(member);
    invitation.set_state(v1::INVITATION_STATE_PENDING);
    invitation.set_channel(channel);
    invitation.set_language_code("cy");
    *invitation.mutable_expire_time() = ToProto(now_ + absl::Hours(24 * 90));
    auto link = Link(invitation, 0);
    auto stored = invitations_->Create(tenant_, invitation, link.link, {}, "", nullptr);
    EXPECT_TRUE(stored.ok()) << stored.status();
    return invitation;
  }

  DerivedLink Link(const v1::Invitation& invitation, int resend_count) {
    auto secret = invitations_->LinkSecret(tenant_, conference_);
    auto seed = NewLinkSeed("");
    EXPECT_TRUE(secret.ok() && seed.ok());
    auto link = DeriveLink(*secret, invitation.name(), resend_count, *seed, now_,
                           now_ + absl::Hours(24 * 90));
    EXPECT_TRUE(link.ok()) << link.status();
    return *std::move(link);
  }

  std::vector<QueuedReminder> Reminders() {
    auto read = pool_->WithTenantResult<std::vector<QueuedReminder>>(
        tenant_, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<QueuedReminder>> {
          auto key = sealing::ConferenceDataKey(tx, *kek_, tenant_, conference_, false);
          if (!key.ok()) return key.status();
          std::vector<QueuedReminder> out;
          for (const auto& row :
               tx.exec_params("SELECT id, member, sealed FROM notifications WHERE tenant = $1 AND "
                              "kind = 'AVAILABILITY_REMINDER' ORDER BY create_time",
                              tenant_)) {
            const std::string name =
                absl::StrCat(conference_, "/notifications/", row[0].as<std::string>());
            auto payload = outbox::OpenPayload(*key, pqxx::binarystring(row[2]).str(), name);
            if (!payload.ok()) return payload.status();
            const size_t at = payload->body.find("https://family.example/i/");
            std::string link = at == std::string::npos ? "" : payload->body.substr(at, 25 + 43);
            out.push_back({row[1].as<std::string>(), payload->body, link});
          }
          return out;
        });
    EXPECT_TRUE(read.ok()) << read.status();
    return read.ok() ? *read : std::vector<QueuedReminder>{};
  }

  // What GetMyInvitation opens with the link's token.
  absl::StatusOr<std::string> Opens(const std::string& link) {
    auto token = PresentedToken::Parse(link.substr(link.rfind('/') + 1));
    if (!token.ok()) return token.status();
    auto opened = invitations_->ForToken(*token, absl::Now());
    if (!opened.ok()) return opened.status();
    return opened->second.invitation.name();
  }

  std::unique_ptr<db::Pool> pool_;
  std::optional<crypto::KeyEncryptionKey> kek_;
  std::string tenant_;
  std::string conference_;
  std::optional<InvitationStore> invitations_;
  std::optional<MemberStore> members_;
  std::unique_ptr<ReminderJob> job_;
  const absl::Time now_ = absl::Now();
};

TEST_F(ReminderIntegration, EmailInvitationNearTheDeadlineGetsOneReminderWithAWorkingLink) {
  const v1::Invitation invitation = Invite(AddMember("mair"), v1::DELIVERY_CHANNEL_EMAIL);

  auto queued = job_->RunOnce(now_);
  ASSERT_TRUE(queued.ok()) << queued.status();
  EXPECT_EQ(*queued, 1);
  auto again = job_->RunOnce(now_ + absl::Hours(1));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, 0);

  const auto reminders = Reminders();
  ASSERT_EQ(reminders.size(), 1u);
  EXPECT_EQ(reminders[0].member, invitation.member());
  EXPECT_THAT(reminders[0].body, HasSubstr("Defnyddiwch eich dolen eich hun"));  // in Welsh
  auto opened = Opens(reminders[0].link);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(*opened, invitation.name());
}

TEST_F(ReminderIntegration, DeadlineFurtherThanTheLeadRemindsNobodyYet) {
  Invite(AddMember("mair"), v1::DELIVERY_CHANNEL_EMAIL);
  SetDeadline(now_ + absl::Hours(72));

  auto queued = job_->RunOnce(now_);
  ASSERT_TRUE(queued.ok()) << queued.status();
  EXPECT_EQ(*queued, 0);
  auto later = job_->RunOnce(now_ + absl::Hours(25));
  ASSERT_TRUE(later.ok()) << later.status();
  EXPECT_EQ(*later, 1);
}

TEST_F(ReminderIntegration, ByHandAndExcludedMembersGetNoReminder) {
  Invite(AddMember("by-hand"), v1::DELIVERY_CHANNEL_BY_HAND);
  Invite(AddMember("excluded", /*excluded=*/true), v1::DELIVERY_CHANNEL_EMAIL);

  auto queued = job_->RunOnce(now_);
  ASSERT_TRUE(queued.ok()) << queued.status();
  EXPECT_EQ(*queued, 0);
  EXPECT_TRUE(Reminders().empty());
}

TEST_F(ReminderIntegration, MovedDeadlineRemindsAgain) {
  Invite(AddMember("mair"), v1::DELIVERY_CHANNEL_EMAIL);
  ASSERT_EQ(*job_->RunOnce(now_), 1);

  SetDeadline(now_ + absl::Hours(30));
  auto queued = job_->RunOnce(now_);
  ASSERT_TRUE(queued.ok()) << queued.status();
  EXPECT_EQ(*queued, 1);
  EXPECT_EQ(Reminders().size(), 2u);
}

TEST_F(ReminderIntegration, ResentInvitationIsRemindedWithItsNewLink) {
  v1::Invitation invitation = Invite(AddMember("mair"), v1::DELIVERY_CHANNEL_EMAIL);
  auto stored = invitations_->Get(tenant_, invitation.name());
  ASSERT_TRUE(stored.ok());
  invitation = stored->invitation;
  invitation.set_resend_count(1);
  const DerivedLink resent = Link(invitation, 1);
  ASSERT_TRUE(invitations_
                  ->Replace(tenant_, stored->version, invitation, LinkChange::kReplace, resent.link,
                            {}, "", nullptr)
                  .ok());

  ASSERT_EQ(*job_->RunOnce(now_), 1);

  const auto reminders = Reminders();
  ASSERT_EQ(reminders.size(), 1u);
  EXPECT_EQ(reminders[0].link, absl::StrCat("https://family.example/i/", resent.token));
  EXPECT_TRUE(Opens(reminders[0].link).ok());
}

TEST_F(ReminderIntegration, TenantSeesOnlyItsOwnDeadlinesInTheTenantlessIndex) {
  // The job reads every tenant's near deadlines without a tenant; a tenant's transaction sees
  // only its own.
  auto count = [&](const std::string& tenant) {
    auto seen =
        pool_->WithTenantResult<int64_t>(tenant, [&](pqxx::work& tx) -> absl::StatusOr<int64_t> {
          return tx.exec("SELECT count(*) FROM reminder_deadlines")[0][0].as<int64_t>();
        });
    EXPECT_TRUE(seen.ok()) << seen.status();
    return seen.ok() ? *seen : -1;
  };
  EXPECT_EQ(count(tenant_), 1);
  EXPECT_EQ(count(db::testing::UniqueName("t")), 0);
}

}  // namespace
}  // namespace fgc::invitations
