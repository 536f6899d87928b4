// The only code that speaks SQL for the notification outbox (migrations/004_outbox.sql): queues a
// rendered message inside the caller's transaction, supersedes an invitation's queued messages,
// and reads what became of them. The outbox worker (outbox_worker.h) does the sending.
//
// Every function runs inside a transaction the caller opened for `tenant`
// (db::Pool::WithTenant), so a notification commits or rolls back with the change that caused
// it. libpqxx exceptions pass through to the pool, which maps them.
#pragma once

#include <map>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/crypto/envelope.h"
#include "fgc/v1/common.pb.h"
#include "fgc/v1/invitation.pb.h"

namespace fgc::invitations::outbox {

// One message to queue, already rendered in the recipient's language (notification_text.h).
struct QueuedMessage {
  std::string tenant;
  std::string conference;  // tenants/{tenant}/conferences/{conference}
  // Exactly one recipient: a network member (their resource name) or a member of staff.
  std::string member;
  std::optional<v1::StaffMember> staff_recipient;
  v1::NotificationKind kind = v1::NOTIFICATION_KIND_UNSPECIFIED;
  v1::DeliveryChannel channel = v1::DELIVERY_CHANNEL_UNSPECIFIED;  // EMAIL or SMS
  std::string address;           // the email address, or the mobile number in E.164 form
  std::string display_name;      // the recipient's name for the email's To header; may be empty
  std::string language_code;     // BCP 47, the language the text is rendered in
  std::string subject;           // EMAIL: one line
  std::string body;              // EMAIL: plain text
  std::string text;              // SMS
  std::string related_resource;  // what it is about (a plan version, a review), if anything
  std::string invitation;        // the invitation's resource name; for INVITATION only
};

// Queues `message` (QUEUED, due now). Its address and text are sealed under `key`, the
// conference's data key (sealing::ConferenceDataKey). Returns the notification as the contract
// shows it. INVALID_ARGUMENT when the message is incomplete: no or two recipients, a channel
// other than EMAIL or SMS, no address, no text for its channel, or an invitation name given
// with any kind but INVITATION (or missing with it).
absl::StatusOr<v1::Notification> Enqueue(pqxx::work& tx, const crypto::DataKey& key,
                                         const QueuedMessage& message);

// Marks the invitation's still QUEUED messages (its invitations, and reminders whose
// related_resource names it) FAILED with last_error "superseded" and wipes
// what they would have sent, so that a link which stopped working (resent or revoked) is never
// sent. A message being sent at this moment is waited for (its row is locked while it is sent).
// Returns how many were superseded.
absl::StatusOr<int> SupersedeQueued(pqxx::work& tx, const std::string& tenant,
                                    const std::string& invitation);

// What became of an invitation's newest INVITATION message: the invitation's SENT, DELIVERED or
// BOUNCED state is read from it.
struct InvitationDelivery {
  v1::NotificationState state = v1::NOTIFICATION_STATE_UNSPECIFIED;
  std::optional<absl::Time> send_time;
  std::optional<absl::Time> deliver_time;
  std::string last_error;  // the provider's reason; no personal data
};

// nullopt when the invitation has no INVITATION message (by hand, or not yet sent).
absl::StatusOr<std::optional<InvitationDelivery>> LatestInvitationDelivery(
    pqxx::work& tx, const std::string& tenant, const std::string& invitation);

// The same for every invitation of a conference that has a message, keyed by invitation name
// (for listings: one query instead of one per invitation).
absl::StatusOr<std::map<std::string, InvitationDelivery>> LatestInvitationDeliveries(
    pqxx::work& tx, const std::string& tenant, const std::string& conference);

// Records the provider's report that a SENT message was delivered (a delivery receipt).
// NOT_FOUND when there is no such notification; a message not in SENT stays as it is (false).
absl::StatusOr<bool> MarkDelivered(pqxx::work& tx, const std::string& tenant,
                                   const std::string& notification, absl::Time deliver_time);

// Up to `limit` notifications of a conference with ids after `after_id`, by id. The staff
// recipient is opened with `key` when given (nullptr, as after erasure: left unset).
absl::StatusOr<std::vector<v1::Notification>> ListNotifications(
    pqxx::work& tx, const crypto::DataKey* key, const std::string& tenant,
    const std::string& conference, const std::string& after_id, int limit);

// `tenants/{t}/conferences/{c}/notifications/{id}`.
std::string NotificationName(const std::string& conference, const std::string& id);

}  // namespace fgc::invitations::outbox
