#include "services/invitations/outbox/outbox_worker.h"

#include <random>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/base/log.h"
#include "common/sealing/conference_keys.h"
#include "services/invitations/outbox/notification_queue.h"

namespace fgc::invitations::outbox {
namespace {

// last_error texts of our own; the provider's replies arrive sanitized (delivery_outcome.h).
constexpr char kErased[] = "the conference's personal details were erased";
constexpr char kUnreadable[] = "the queued message could not be opened";

std::function<double()> SeededRandom() {
  auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

}  // namespace

absl::StatusOr<std::unique_ptr<OutboxWorker>> OutboxWorker::Create(
    db::Pool* pool, const crypto::KeyEncryptionKey* kek, OutboxSenders senders,
    OutboxWorkerOptions options) {
  if (absl::Status s = delivery::ValidateRetryPolicy(options.retry); !s.ok()) return s;
  if (options.batch_size < 1) return absl::InvalidArgumentError("batch_size must be at least 1");
  if (options.poll_interval <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("poll_interval must be positive");
  }
  if (senders.email.has_value() && !delivery::IsAddress(senders.email_from.address)) {
    return absl::InvalidArgumentError("email needs a valid From address");
  }
  if (!options.clock) options.clock = [] { return absl::Now(); };
  if (!options.random) options.random = SeededRandom();
  return std::unique_ptr<OutboxWorker>(
      new OutboxWorker(pool, kek, std::move(senders), std::move(options)));
}

OutboxWorker::OutboxWorker(db::Pool* pool, const crypto::KeyEncryptionKey* kek,
                           OutboxSenders senders, OutboxWorkerOptions options)
    : pool_(pool), kek_(kek), senders_(std::move(senders)), options_(std::move(options)) {
  if (senders_.email.has_value()) channels_.push_back(v1::DELIVERY_CHANNEL_EMAIL);
  if (senders_.sms.has_value()) channels_.push_back(v1::DELIVERY_CHANNEL_SMS);
}

OutboxWorker::~OutboxWorker() { Stop(); }

void OutboxWorker::Start() {
  if (thread_.joinable()) return;
  {
    absl::MutexLock lock(&mu_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { Loop(); });
}

void OutboxWorker::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void OutboxWorker::Wake() {
  absl::MutexLock lock(&mu_);
  woken_ = true;
}

bool OutboxWorker::stopping() const {
  absl::MutexLock lock(&mu_);
  return stopping_;
}

void OutboxWorker::Loop() {
  while (!stopping()) {
    if (auto settled = RunOnce(); !settled.ok()) {
      log::Warn("outbox pass failed", {{"error", std::string(settled.status().message())}});
    }
    absl::MutexLock lock(&mu_);
    auto woken_or_stopping = [this]()
                                 ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return woken_ || stopping_; };
    mu_.AwaitWithTimeout(absl::Condition(&woken_or_stopping), options_.poll_interval);
    woken_ = false;
  }
}

void OutboxWorker::LogUnconfiguredOnce() {
  if (logged_unconfigured_) return;
  logged_unconfigured_ = true;
  for (v1::DeliveryChannel channel : {v1::DELIVERY_CHANNEL_EMAIL, v1::DELIVERY_CHANNEL_SMS}) {
    const bool configured = channel == v1::DELIVERY_CHANNEL_EMAIL ? senders_.email.has_value()
                                                                  : senders_.sms.has_value();
    if (configured) continue;
    int64_t waiting = 0;
    absl::Status status = pool_->WithoutTenant([&](pqxx::work& tx) {
      waiting = CountQueued(tx, channel);
      return absl::OkStatus();
    });
    const std::string count = status.ok() ? absl::StrCat(waiting) : "unknown";
    log::Warn("a delivery channel is not configured: its notifications stay queued",
              {{"channel", ChannelColumn(channel)}, {"queued", count}});
  }
}

absl::StatusOr<int> OutboxWorker::RunOnce() {
  absl::MutexLock run(&run_mu_);
  LogUnconfiguredOnce();
  if (channels_.empty()) return 0;
  int settled = 0;
  // Each message at most once per pass: a retry whose random backoff is tiny waits for the
  // next pass rather than hammering a server that just failed.
  std::set<std::string> seen;
  while (!stopping()) {
    std::vector<DueRef> due;
    absl::Status found = pool_->WithoutTenant([&](pqxx::work& tx) {
      due = FindDue(tx, channels_, options_.clock(), options_.batch_size);
      return absl::OkStatus();
    });
    if (!found.ok()) return found;
    int progress = 0;
    for (const DueRef& ref : due) {
      if (stopping()) break;
      if (!seen.insert(NotificationName(ref.conference, ref.id)).second) continue;
      absl::StatusOr<bool> done = ProcessOne(ref);
      if (!done.ok()) {
        log::Warn("an outbox message could not be settled",
                  {{"tenant", ref.tenant},
                   {"notification", ref.id},
                   {"error", std::string(done.status().message())}});
        continue;
      }
      if (*done) ++progress;
    }
    settled += progress;
    if (progress == 0) break;
  }
  return settled;
}

absl::StatusOr<bool> OutboxWorker::ProcessOne(const DueRef& ref) {
  const std::string name = NotificationName(ref.conference, ref.id);
  // Kept across a transaction the pool runs again (serialization failure, deadlock): a message
  // already handed to the provider is recorded, never sent a second time.
  std::optional<delivery::DeliveryOutcome> outcome;
  bool settled = false;
  std::string channel;
  absl::Status status = pool_->WithTenant(ref.tenant, [&](pqxx::work& tx) -> absl::Status {
    settled = false;
    std::optional<ClaimedMessage> claimed = Claim(tx, ref, options_.clock());
    if (!claimed.has_value()) return absl::OkStatus();
    settled = true;
    channel = ChannelColumn(claimed->channel);
    auto key = sealing::ConferenceDataKey(tx, *kek_, ref.tenant, ref.conference, false);
    if (!key.ok()) {
      // Erased (FAILED_PRECONDITION) or missing (DATA_LOSS): it can never be opened.
      if (key.status().code() != absl::StatusCode::kFailedPrecondition &&
          key.status().code() != absl::StatusCode::kDataLoss) {
        return key.status();
      }
      RecordGivenUp(tx, *claimed, v1::NOTIFICATION_STATE_FAILED, kErased, false);
      return absl::OkStatus();
    }
    auto payload = OpenPayload(*key, claimed->sealed, name);
    if (!payload.ok()) {
      RecordGivenUp(tx, *claimed, v1::NOTIFICATION_STATE_FAILED, kUnreadable, false);
      return absl::OkStatus();
    }
    if (!outcome.has_value()) outcome = Send(*claimed, *payload);
    Record(tx, *claimed, *outcome);
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  if (settled && outcome.has_value()) {
    // Ids, the channel and the provider's code only: never the address, the text or the link.
    log::Info("outbox message attempted", {{"tenant", ref.tenant},
                                           {"notification", ref.id},
                                           {"channel", channel},
                                           {"delivered", outcome->delivered() ? "true" : "false"},
                                           {"reply_code", absl::StrCat(outcome->reply_code)}});
  }
  return settled;
}

delivery::DeliveryOutcome OutboxWorker::Send(const ClaimedMessage& message,
                                             const OutboxPayload& payload) {
  if (message.channel == v1::DELIVERY_CHANNEL_EMAIL && senders_.email.has_value()) {
    delivery::EmailMessage email;
    email.from = senders_.email_from;
    email.to = {payload.address, payload.display_name};
    email.subject = payload.subject;
    email.body_text = payload.body;
    email.language_code = payload.language_code;
    email.notification_id = message.ref.id;
    email.date = message.create_time;
    return senders_.email->Send(email);
  }
  if (message.channel == v1::DELIVERY_CHANNEL_SMS && senders_.sms.has_value()) {
    return senders_.sms->Send(
        {message.ref.id, payload.address, payload.text, payload.language_code});
  }
  // Not reached: only configured channels are claimed. Try again later rather than drop it.
  return delivery::TransportFailure("the channel is not configured on this host");
}

void OutboxWorker::Record(pqxx::work& tx, const ClaimedMessage& message,
                          const delivery::DeliveryOutcome& outcome) {
  const absl::Time now = options_.clock();
  switch (outcome.result) {
    case delivery::DeliveryResult::kDelivered:
      RecordSent(tx, message, now);
      return;
    case delivery::DeliveryResult::kPermanentFailure:
      RecordGivenUp(tx, message, v1::NOTIFICATION_STATE_BOUNCED, outcome.detail, true);
      return;
    case delivery::DeliveryResult::kRetryLater:
      break;
  }
  const auto next = delivery::NextAttemptTime(options_.retry, message.attempt_count + 1, now,
                                              options_.random, outcome.retry_after);
  if (next.has_value()) {
    RecordRetry(tx, message, *next, outcome.detail);
  } else {
    RecordGivenUp(tx, message, v1::NOTIFICATION_STATE_FAILED, outcome.detail, true);
  }
}

}  // namespace fgc::invitations::outbox
