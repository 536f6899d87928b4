#include "services/invitations/reminder_job.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/base/log.h"
#include "common/base/proto_time.h"
#include "common/crypto/sha256.h"
#include "common/sealing/conference_keys.h"
#include "services/invitations/invitation_rules.h"
#include "services/invitations/invitation_service.h"
#include "services/invitations/outbox/notification_queue.h"
#include "services/invitations/outbox/notification_text.h"
#include "services/invitations/reminder_link.h"
#include "services/invitations/reminder_store.h"

namespace fgc::invitations {
namespace {

// A conference's invitations are read whole; a network is far smaller than this.
constexpr int kMaxInvitationsPerConference = 5000;

// The conference as the family's view of it shows it: what a message may say (MessageContext).
v1::Conference ConferenceOf(const v1::GetMyInvitationResponse& view, const std::string& name) {
  v1::Conference conference;
  conference.set_name(name);
  for (const std::string& child : view.child_display_names()) {
    conference.add_children()->set_display_name(child);
  }
  if (view.has_coordinator()) *conference.mutable_coordinator() = view.coordinator();
  conference.set_stage(view.stage());
  conference.set_time_zone(view.conference_time_zone());
  if (view.has_booking()) *conference.mutable_booking() = view.booking();
  if (view.has_availability_deadline()) {
    *conference.mutable_availability_deadline() = view.availability_deadline();
  }
  return conference;
}

// The reminder to `member`, rendered in the invitation's language with `link`.
absl::StatusOr<outbox::QueuedMessage> ReminderMessage(const std::string& tenant,
                                                      const std::string& conference,
                                                      const v1::GetMyInvitationResponse& view,
                                                      const v1::Invitation& invitation,
                                                      const v1::NetworkMember& member,
                                                      const std::string& link) {
  auto route = RouteTo(member, invitation.channel());
  if (!route.ok()) return route.status();
  const std::string& language =
      invitation.language_code().empty() ? member.language_code() : invitation.language_code();
  outbox::NotificationContext context =
      InvitationService::MessageContext(ConferenceOf(view, conference), &view, member,
                                        v1::NOTIFICATION_KIND_AVAILABILITY_REMINDER, language);
  context.link = link;
  context.respond_by = ToAbslTime(view.availability_deadline());
  auto rendered = outbox::RenderNotification(context);
  if (!rendered.ok()) return rendered.status();
  outbox::QueuedMessage message;
  message.tenant = tenant;
  message.conference = conference;
  message.member = member.name();
  message.kind = v1::NOTIFICATION_KIND_AVAILABILITY_REMINDER;
  message.channel = route->channel;
  message.address = route->address;
  message.display_name = member.display_name();
  message.language_code = rendered->language_code;
  message.subject = rendered->subject;
  message.body = rendered->body;
  message.text = rendered->sms_text;
  message.related_resource = invitation.name();
  return message;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ReminderJob>> ReminderJob::Create(
    db::Pool* pool, const crypto::KeyEncryptionKey* kek, InvitationLinks links,
    ReminderJobOptions options) {
  if (options.lead <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("the reminder lead time must be positive");
  }
  if (options.poll_interval <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("the reminder poll interval must be positive");
  }
  if (!options.clock) options.clock = [] { return absl::Now(); };
  return std::unique_ptr<ReminderJob>(
      new ReminderJob(pool, kek, std::move(links), std::move(options)));
}

ReminderJob::ReminderJob(db::Pool* pool, const crypto::KeyEncryptionKey* kek, InvitationLinks links,
                         ReminderJobOptions options)
    : pool_(pool),
      kek_(kek),
      links_(std::move(links)),
      options_(std::move(options)),
      invitations_(pool, kek),
      members_(pool, kek) {}

ReminderJob::~ReminderJob() { Stop(); }

void ReminderJob::Start() {
  if (thread_.joinable()) return;
  {
    absl::MutexLock lock(&mu_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { Loop(); });
}

void ReminderJob::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    stop_.SignalAll();
  }
  if (thread_.joinable()) thread_.join();
}

bool ReminderJob::stopping() const {
  absl::MutexLock lock(&mu_);
  return stopping_;
}

void ReminderJob::Loop() {
  while (!stopping()) {
    if (auto queued = RunOnce(options_.clock()); !queued.ok()) {
      log::Warn("reminder pass failed", {{"error", std::string(queued.status().message())}});
    }
    absl::MutexLock lock(&mu_);
    const absl::Time until = absl::Now() + options_.poll_interval;
    while (!stopping_ && !stop_.WaitWithDeadline(&mu_, until)) {
    }
  }
}

absl::StatusOr<int> ReminderJob::RunOnce(absl::Time now) {
  absl::MutexLock run(&run_mu_);
  std::vector<DeadlineRef> near;
  absl::Status found = pool_->WithoutTenant([&](pqxx::work& tx) {
    near = NearDeadlines(tx, now, now + options_.lead);
    return absl::OkStatus();
  });
  if (!found.ok()) return found;
  int queued = 0;
  for (const DeadlineRef& ref : near) {
    if (stopping()) break;
    absl::StatusOr<int> reminded = RemindConference(ref, now);
    if (!reminded.ok()) {
      log::Warn("a conference's reminders could not be queued",
                {{"tenant", ref.tenant},
                 {"conference", ref.conference},
                 {"error", std::string(reminded.status().message())}});
      continue;
    }
    queued += *reminded;
  }
  if (queued > 0 && options_.on_queued) options_.on_queued();
  return queued;
}

absl::StatusOr<int> ReminderJob::RemindConference(const DeadlineRef& ref, absl::Time now) {
  auto view = invitations_.GetFamilyView(ref.tenant, ref.conference);
  if (!view.ok()) return view.status();
  ReminderCase facts;
  if (view->has_availability_deadline()) facts.deadline = ToAbslTime(view->availability_deadline());
  facts.stage = view->stage();
  if (!facts.deadline.has_value()) return 0;
  std::map<std::string, ReminderState> states;
  absl::Status read = pool_->WithTenant(ref.tenant, [&](pqxx::work& tx) {
    states = ReminderStates(tx, ref.tenant, ref.conference, *facts.deadline);
    return absl::OkStatus();
  });
  if (!read.ok()) return read;
  auto invitations =
      invitations_.List(ref.tenant, ref.conference, "", kMaxInvitationsPerConference);
  if (!invitations.ok()) return invitations.status();
  int queued = 0;
  for (const VersionedInvitation& stored : *invitations) {
    if (stopping()) break;
    const v1::Invitation& invitation = stored.invitation;
    const ReminderState& state = states[invitation.name().substr(invitation.name().rfind('/') + 1)];
    facts.invitation = &invitation;
    facts.link_derivable = state.link_derivable;
    facts.reminded = state.reminded;
    facts.restriction = v1::RESTRICTION_KIND_UNSPECIFIED;
    if (JudgeReminder(facts, now, options_.lead) != ReminderVerdict::kDue) continue;
    auto member = members_.Get(ref.tenant, invitation.member());
    if (!member.ok()) return member.status();
    facts.restriction = member->member.restriction().kind();
    if (JudgeReminder(facts, now, options_.lead) != ReminderVerdict::kDue) continue;
    absl::StatusOr<bool> done = Remind(ref.tenant, *view, invitation.name(), member->member, now);
    if (!done.ok()) {
      log::Warn("an invitation's reminder could not be queued",
                {{"tenant", ref.tenant},
                 {"invitation", invitation.name()},
                 {"error", std::string(done.status().message())}});
      continue;
    }
    if (*done) ++queued;
  }
  return queued;
}

absl::StatusOr<bool> ReminderJob::Remind(const std::string& tenant,
                                         const v1::GetMyInvitationResponse& view,
                                         const std::string& invitation,
                                         const v1::NetworkMember& member, absl::Time now) {
  const auto name = ParseInvitationName(invitation, tenant);
  if (!name) return absl::InternalError("an invitation without a valid name");
  const absl::Time deadline = ToAbslTime(view.availability_deadline());
  return pool_->WithTenantResult<bool>(tenant, [&](pqxx::work& tx) -> absl::StatusOr<bool> {
    // Judged again under the row lock: a resend, a revocation, an answer or another host's
    // reminder since the listing wins.
    auto locked = LockForReminder(tx, tenant, *name, deadline);
    if (!locked.ok()) return locked.status();
    if (!locked->has_value()) return false;
    const ReminderCase facts{deadline,
                             view.stage(),
                             &(*locked)->record,
                             member.restriction().kind(),
                             (*locked)->sealed_seed.has_value(),
                             (*locked)->reminded};
    if (JudgeReminder(facts, now, options_.lead) != ReminderVerdict::kDue) return false;
    auto key = sealing::ConferenceDataKey(tx, *kek_, tenant, name->conference, false);
    if (!key.ok()) return key.status();
    auto seed = OpenLinkSeed(*key, invitation, *(*locked)->sealed_seed);
    if (!seed.ok()) return seed.status();
    const v1::Invitation& record = (*locked)->record;
    auto link = DeriveLink(LinkSecretOf(*key), invitation, record.resend_count(), *seed, now,
                           ToAbslTime(record.expire_time()));
    if (!link.ok()) return link.status();
    // Never send a link that does not open: the derived one must be the current one.
    if (!IsCurrentLink(tx, tenant, *name, link->link.record.digest, now)) {
      return absl::DataLossError("the invitation's current link could not be derived again");
    }
    auto message =
        ReminderMessage(tenant, name->conference, view, record, member, links_.UrlFor(link->token));
    if (!message.ok()) return message.status();
    auto notification = outbox::Enqueue(tx, *key, *message);
    if (!notification.ok()) return notification.status();
    RecordReminder(tx, tenant, *name, deadline, notification->name());
    return true;
  });
}

}  // namespace fgc::invitations
