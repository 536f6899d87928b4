// The outbox end to end: real PostgreSQL with the invitations migrations, a real aiosmtpd and a
// local webhook receiver (../delivery/*_receiver.py). Messages are queued as the service queues
// them (rendered, sealed, in a tenant transaction) and sent by RunOnce, so no test sleeps.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <pqxx/pqxx>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/crypto/random.h"
#include "common/db/migrations.h"
#include "common/db/test_postgres.h"
#include "common/sealing/conference_keys.h"
#include "nlohmann/json.hpp"
#include "services/invitations/delivery/receiver_process.h"
#include "services/invitations/outbox/delivery_settings.h"
#include "services/invitations/outbox/notification_queue.h"
#include "services/invitations/outbox/notification_text.h"
#include "services/invitations/outbox/outbox_worker.h"

namespace fgc::invitations {
std::span<const EmbeddedFile> Migrations();

namespace outbox {
namespace {

using delivery::ReceiverProcess;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kLink[] = "https://family.example/i/T0k3nT0k3nT0k3nT0k3nT0k3nT0k3nT0k3nT0k3nAb";
constexpr char kSecret[] = "webhook-secret";

std::string Script(const char* name) { return absl::StrCat(FGC_DELIVERY_TEST_DIR, "/", name); }

// What a test reads back of a notification row, as stored.
struct StoredRow {
  std::string state;
  bool payload_wiped = false;
  int attempt_count = 0;
  std::optional<absl::Time> next_attempt;
  std::string last_error;
  bool has_send_time = false;
};

class OutboxIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pool = db::testing::ProvisionedPool(db::testing::UniqueName("outbox"), 8);
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
  }

  void StartSmtp() {
    auto smtp = ReceiverProcess::Start(Script("smtp_receiver.py"));
    ASSERT_TRUE(smtp.ok()) << smtp.status();
    smtp_.emplace(*std::move(smtp));
  }
  void StartWebhook() {
    auto webhook = ReceiverProcess::Start(Script("webhook_receiver.py"));
    ASSERT_TRUE(webhook.ok()) << webhook.status();
    webhook_.emplace(*std::move(webhook));
  }

  // The senders as a host builds them from its settings.
  OutboxSenders Senders(int smtp_port, std::string webhook_url = "") {
    HostConfig config;
    if (smtp_port > 0) {
      config.smtp_url = absl::StrCat("smtp+plaintext://127.0.0.1:", smtp_port);
      config.smtp_from = "Family meetings <fgc@council.example>";
    }
    config.sms_webhook_url = std::move(webhook_url);
    if (!config.sms_webhook_url.empty()) config.sms_webhook_secret = kSecret;
    auto senders = SendersFromConfig(config);
    EXPECT_TRUE(senders.ok()) << senders.status();
    return *std::move(senders);
  }

  std::unique_ptr<OutboxWorker> Worker(OutboxSenders senders, int max_attempts = 10) {
    OutboxWorkerOptions options;
    options.random = [] { return 0.5; };  // half the backoff bound: 15 s after a first failure
    options.retry.max_attempts = max_attempts;
    auto worker = OutboxWorker::Create(pool_.get(), &*kek_, std::move(senders), options);
    EXPECT_TRUE(worker.ok()) << worker.status();
    return *std::move(worker);
  }

  QueuedMessage Invitation(v1::DeliveryChannel channel, const std::string& address,
                           const std::string& language, const std::string& invitation = "i1") {
    NotificationContext context;
    context.kind = v1::NOTIFICATION_KIND_INVITATION;
    context.language_code = language;
    context.recipient_name = "Mair Jones";
    context.child_names = {"Sam"};
    context.coordinator_name = "Jo Evans";
    context.link = kLink;
    auto rendered = RenderNotification(context);
    EXPECT_TRUE(rendered.ok()) << rendered.status();
    QueuedMessage m;
    m.tenant = tenant_;
    m.conference = conference_;
    m.member = absl::StrCat(conference_, "/members/mair");
    m.kind = v1::NOTIFICATION_KIND_INVITATION;
    m.channel = channel;
    m.address = address;
    m.display_name = "Mair Jones";
    m.language_code = rendered->language_code;
    m.subject = rendered->subject;
    m.body = rendered->body;
    m.text = rendered->sms_text;
    m.invitation = absl::StrCat(conference_, "/invitations/", invitation);
    return m;
  }

  // Queues `m` as the service does: in a tenant transaction, sealed under the conference key.
  v1::Notification Enqueued(const QueuedMessage& m) {
    auto queued = pool_->WithTenantResult<v1::Notification>(
        tenant_, [&](pqxx::work& tx) -> absl::StatusOr<v1::Notification> {
          auto key = sealing::ConferenceDataKey(tx, *kek_, tenant_, conference_, true);
          if (!key.ok()) return key.status();
          return Enqueue(tx, *key, m);
        });
    EXPECT_TRUE(queued.ok()) << queued.status();
    return queued.ok() ? *queued : v1::Notification();
  }

  StoredRow Stored(const v1::Notification& n) {
    const std::string id = n.name().substr(n.name().rfind('/') + 1);
    auto row = pool_->WithTenantResult<StoredRow>(
        tenant_, [&](pqxx::work& tx) -> absl::StatusOr<StoredRow> {
          const pqxx::result r = tx.exec_params(
              "SELECT state, sealed IS NULL, attempt_count, "
              "(extract(epoch FROM next_attempt_at) * 1000000)::bigint, last_error, "
              "send_time IS NOT NULL FROM notifications "
              "WHERE tenant = $1 AND conference = $2 AND id = $3",
              tenant_, conference_, id);
          if (r.empty()) return absl::NotFoundError(n.name());
          StoredRow out{r[0][0].as<std::string>(), r[0][1].as<bool>(),
                        r[0][2].as<int>(),         std::nullopt,
                        r[0][4].as<std::string>(), r[0][5].as<bool>()};
          if (!r[0][3].is_null()) out.next_attempt = absl::FromUnixMicros(r[0][3].as<int64_t>());
          return out;
        });
    EXPECT_TRUE(row.ok()) << row.status();
    return row.ok() ? *row : StoredRow{};
  }

  nlohmann::json Output(const ReceiverProcess& receiver, const std::string& name) {
    auto text = receiver.ReadOutput(name);
    EXPECT_TRUE(text.ok()) << name << ": " << text.status();
    return text.ok() ? nlohmann::json::parse(*text) : nlohmann::json();
  }

  std::unique_ptr<db::Pool> pool_;
  std::optional<crypto::KeyEncryptionKey> kek_;
  std::string tenant_;
  std::string conference_;
  std::optional<ReceiverProcess> smtp_;
  std::optional<ReceiverProcess> webhook_;
};

// Both outbox tables follow common/db/pool.h's convention (CheckTenantIsolation's rules, asked
// of these tables alone: other migrations' tables are not this test's to judge).
TEST_F(OutboxIntegration, TheOutboxTablesKeepTheTenantConvention) {
  std::vector<std::string> isolated;
  ASSERT_TRUE(pool_
                  ->WithoutTenant([&](pqxx::work& tx) {
                    const pqxx::result r = tx.exec_params(
                        "SELECT c.relname FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant' "
                        "WHERE n.nspname = $1 AND c.relname IN ('notifications', 'outbox_due') "
                        "AND a.attnotnull AND c.relrowsecurity AND c.relforcerowsecurity "
                        "AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid "
                        "AND p.polname = 'tenant_isolation') ORDER BY 1",
                        pool_->schema());
                    for (const auto& row : r) isolated.push_back(row[0].as<std::string>());
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(isolated, (std::vector<std::string>{"notifications", "outbox_due"}));
}

TEST_F(OutboxIntegration, AnEmailArrivesInItsLanguageWithTheLinkAndIsThenWiped) {
  StartSmtp();
  const v1::Notification n =
      Enqueued(Invitation(v1::DELIVERY_CHANNEL_EMAIL, "mair@family.example", "cy-GB"));
  auto worker = Worker(Senders(smtp_->port()));

  ASSERT_EQ(*worker->RunOnce(), 1);

  const nlohmann::json received = Output(*smtp_, "message-1.json");
  EXPECT_EQ(received["rcpt_tos"][0], "mair@family.example");
  EXPECT_EQ(received["headers"]["content-language"], "cy");
  EXPECT_THAT(received["headers"]["subject"].get<std::string>(), HasSubstr("Gwahoddiad"));
  EXPECT_THAT(received["body"].get<std::string>(), HasSubstr("Helo Mair Jones,"));
  EXPECT_THAT(received["body"].get<std::string>(), HasSubstr(kLink));
  const StoredRow row = Stored(n);
  EXPECT_EQ(row.state, "SENT");
  EXPECT_TRUE(row.payload_wiped);
  EXPECT_TRUE(row.has_send_time);
  EXPECT_EQ(row.attempt_count, 1);
  auto latest =
      pool_->WithTenantResult<std::optional<InvitationDelivery>>(tenant_, [&](pqxx::work& tx) {
        return LatestInvitationDelivery(tx, tenant_, absl::StrCat(conference_, "/invitations/i1"));
      });
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->state, v1::NOTIFICATION_STATE_SENT);
  EXPECT_TRUE((*latest)->send_time.has_value());
}

TEST_F(OutboxIntegration, AnSmsReachesTheWebhook) {
  StartWebhook();
  const v1::Notification n = Enqueued(Invitation(v1::DELIVERY_CHANNEL_SMS, "+447700900123", "pl"));
  auto worker =
      Worker(Senders(0, absl::StrCat("http://127.0.0.1:", webhook_->port(), "/messages")));

  ASSERT_EQ(*worker->RunOnce(), 1);

  const nlohmann::json request = Output(*webhook_, "request-1.json");
  EXPECT_EQ(request["authorization"], absl::StrCat("Bearer ", kSecret));
  EXPECT_EQ(request["body"]["to"], "+447700900123");
  EXPECT_EQ(request["body"]["language"], "pl");
  EXPECT_THAT(request["body"]["text"].get<std::string>(), HasSubstr("zaprasza"));
  EXPECT_THAT(request["body"]["text"].get<std::string>(), HasSubstr(kLink));
  EXPECT_EQ(request["idempotency_key"], n.name().substr(n.name().rfind('/') + 1));
  EXPECT_EQ(Stored(n).state, "SENT");
  EXPECT_TRUE(Stored(n).payload_wiped);
}

TEST_F(OutboxIntegration, ARefusedRecipientIsBouncedWithoutTheirAddress) {
  StartSmtp();
  const v1::Notification n =
      Enqueued(Invitation(v1::DELIVERY_CHANNEL_EMAIL, "unknown.person@family.example", "en"));
  auto worker = Worker(Senders(smtp_->port()));

  ASSERT_EQ(*worker->RunOnce(), 1);

  const StoredRow row = Stored(n);
  EXPECT_EQ(row.state, "BOUNCED");
  EXPECT_TRUE(row.payload_wiped);
  EXPECT_THAT(row.last_error, HasSubstr("550"));
  EXPECT_THAT(row.last_error, Not(HasSubstr("unknown.person")));
  EXPECT_FALSE(smtp_->ReadOutput("message-1.json").ok());
}

TEST_F(OutboxIntegration, ADownServerLeavesItQueuedForALaterAttempt) {
  delivery::RefusingPort down;
  const v1::Notification n =
      Enqueued(Invitation(v1::DELIVERY_CHANNEL_EMAIL, "mair@family.example", "en"));
  auto worker = Worker(Senders(down.port()));
  const absl::Time before = absl::Now();

  ASSERT_EQ(*worker->RunOnce(), 1);

  const StoredRow row = Stored(n);
  EXPECT_EQ(row.state, "QUEUED");
  EXPECT_EQ(row.attempt_count, 1);
  EXPECT_FALSE(row.payload_wiped);
  EXPECT_FALSE(row.last_error.empty());
  ASSERT_TRUE(row.next_attempt.has_value());
  EXPECT_GE(*row.next_attempt, before + absl::Seconds(14));
  EXPECT_EQ(*worker->RunOnce(), 0);  // not due again yet
}

TEST_F(OutboxIntegration, TooManyAttemptsFailAndWipe) {
  delivery::RefusingPort down;
  const v1::Notification n =
      Enqueued(Invitation(v1::DELIVERY_CHANNEL_EMAIL, "mair@family.example", "en"));
  auto worker = Worker(Senders(down.port()), /*max_attempts=*/1);

  ASSERT_EQ(*worker->RunOnce(), 1);

  const StoredRow row = Stored(n);
  EXPECT_EQ(row.state, "FAILED");
  EXPECT_TRUE(row.payload_wiped);
  EXPECT_EQ(row.attempt_count, 1);
}

TEST_F(OutboxIntegration, SupersededMessagesAreNeverSent) {
  StartSmtp();
  const v1::Notification n =
      Enqueued(Invitation(v1::DELIVERY_CHANNEL_EMAIL, "mair@family.example", "en"));
  const std::string invitation = absl::StrCat(conference_, "/invitations/i1");
  auto superseded = pool_->WithTenantResult<int>(
      tenant_, [&](pqxx::work& tx) { return SupersedeQueued(tx, tenant_, invitation); });
  ASSERT_TRUE(superseded.ok());
  EXPECT_EQ(*superseded, 1);
  auto worker = Worker(Senders(smtp_->port()));

  EXPECT_EQ(*worker->RunOnce(), 0);

  EXPECT_FALSE(smtp_->ReadOutput("message-1.json").ok());
  const StoredRow row = Stored(n);
  EXPECT_EQ(row.state, "FAILED");
  EXPECT_EQ(row.last_error, "superseded");
  EXPECT_TRUE(row.payload_wiped);
}

TEST_F(OutboxIntegration, AnUnconfiguredChannelStaysQueued) {
  StartSmtp();
  const v1::Notification n = Enqueued(Invitation(v1::DELIVERY_CHANNEL_SMS, "+447700900123", "en"));
  auto worker = Worker(Senders(smtp_->port()));  // email only

  EXPECT_EQ(*worker->RunOnce(), 0);

  const StoredRow row = Stored(n);
  EXPECT_EQ(row.state, "QUEUED");
  EXPECT_EQ(row.attempt_count, 0);
  EXPECT_FALSE(row.payload_wiped);
}

TEST_F(OutboxIntegration, TwoWorkersOnOneQueueSendEachMessageOnce) {
  StartSmtp();
  constexpr int kMessages = 12;
  for (int i = 0; i < kMessages; ++i) {
    Enqueued(Invitation(v1::DELIVERY_CHANNEL_EMAIL, absl::StrCat("member", i, "@family.example"),
                        "en", absl::StrCat("i", i)));
  }
  auto first = Worker(Senders(smtp_->port()));
  auto second = Worker(Senders(smtp_->port()));
  std::atomic<int> settled = 0;

  std::thread a([&] { settled += first->RunOnce().value_or(0); });
  std::thread b([&] { settled += second->RunOnce().value_or(0); });
  a.join();
  b.join();

  EXPECT_EQ(settled.load(), kMessages);
  std::set<std::string> recipients;
  for (int i = 1; i <= kMessages; ++i) {
    const nlohmann::json received = Output(*smtp_, absl::StrCat("message-", i, ".json"));
    recipients.insert(received["rcpt_tos"][0].get<std::string>());
  }
  EXPECT_EQ(recipients.size(), static_cast<size_t>(kMessages));
  EXPECT_FALSE(smtp_->ReadOutput(absl::StrCat("message-", kMessages + 1, ".json")).ok());
}

TEST_F(OutboxIntegration, OtherTenantsAndTenantlessTransactionsSeeNoNotification) {
  Enqueued(Invitation(v1::DELIVERY_CHANNEL_EMAIL, "mair@family.example", "en"));
  auto other = pool_->WithTenantResult<int64_t>(
      db::testing::UniqueName("other"), [&](pqxx::work& tx) -> absl::StatusOr<int64_t> {
        return tx.exec("SELECT count(*) FROM notifications")[0][0].as<int64_t>() +
               tx.exec("SELECT count(*) FROM outbox_due")[0][0].as<int64_t>();
      });
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(*other, 0);
  int64_t notifications = -1;
  int64_t due = -1;
  ASSERT_TRUE(pool_
                  ->WithoutTenant([&](pqxx::work& tx) {
                    notifications =
                        tx.exec("SELECT count(*) FROM notifications")[0][0].as<int64_t>();
                    due = tx.exec("SELECT count(*) FROM outbox_due")[0][0].as<int64_t>();
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(notifications, 0);
  EXPECT_EQ(due, 1);
}

TEST_F(OutboxIntegration, AStartedWorkerSendsWhenWokenAndStopsPromptly) {
  StartSmtp();
  OutboxWorkerOptions options;
  options.poll_interval = absl::Hours(1);
  auto worker = OutboxWorker::Create(pool_.get(), &*kek_, Senders(smtp_->port()), options);
  ASSERT_TRUE(worker.ok());
  (*worker)->Start();
  const v1::Notification n =
      Enqueued(Invitation(v1::DELIVERY_CHANNEL_EMAIL, "mair@family.example", "en"));

  (*worker)->Wake();
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (Stored(n).state == "QUEUED" && absl::Now() < deadline)
    absl::SleepFor(absl::Milliseconds(20));
  const absl::Time stop_start = absl::Now();
  (*worker)->Stop();

  EXPECT_EQ(Stored(n).state, "SENT");
  EXPECT_LT(absl::Now() - stop_start, absl::Seconds(2));
}

}  // namespace
}  // namespace outbox
}  // namespace fgc::invitations
