// The only code that speaks SQL for invitations and their links (migrations/003_invitations.sql):
// one row per invitation (clear record, sealed personal parts), one tenant-less row per link
// ever issued (a digest, never a token), and the family's sealed view of each conference.
// Writes carry the version read; mutations are idempotent through request_log.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/crypto/envelope.h"
#include "common/db/pool.h"
#include "common/db/request_log.h"
#include "fgc/v1/invitation.pb.h"
#include "fgc/v1/invitation_service.pb.h"
#include "services/invitations/reminder_link.h"
#include "services/invitations/tokens/invitation_token.h"

namespace fgc::invitations {

struct VersionedInvitation {
  v1::Invitation invitation;  // personal parts opened, etag set, state as stored
  int64_t version = 0;
};

// What a write does besides the invitation row, in the same transaction: queue its message.
using AlsoInTransaction = std::function<absl::Status(pqxx::work&, const crypto::DataKey&)>;

// How a write changes the invitation's links.
enum class LinkChange {
  kKeep,     // the current link stays
  kReplace,  // the current link stops (replaced) and `link` starts (its seed kept instead)
  kRevoke,   // every link of the invitation stops (and its seed is forgotten)
};

class InvitationStore {
 public:
  InvitationStore(db::Pool* pool, const crypto::KeyEncryptionKey* kek) : pool_(pool), kek_(kek) {}

  // What an earlier request with this key stored as its response, if any; INVALID_ARGUMENT
  // (REQUEST_ID_REUSED) when the id came with another request.
  absl::StatusOr<std::optional<std::string>> Replayed(const std::string& tenant,
                                                      const db::RequestKey& request);

  // The secret links of a conference are derived from (tokens/invitation_token.h DeriveToken):
  // an HMAC of the conference's data key, so erasing the conference ends it too.
  absl::StatusOr<std::string> LinkSecret(const std::string& tenant, const std::string& conference);

  // Stores a new invitation and its first link; ALREADY_EXISTS when the member has an
  // invitation that is not revoked. `response` is what a replay of `request` returns.
  absl::StatusOr<VersionedInvitation> Create(const std::string& tenant,
                                             const v1::Invitation& invitation,
                                             const IssuedLink& link, const db::RequestKey& request,
                                             const std::string& response,
                                             const AlsoInTransaction& also);
  // Replaces the invitation read at `read_version`, changing its links as `change` says
  // (`link` is the new one for kReplace).
  absl::StatusOr<VersionedInvitation> Replace(const std::string& tenant, int64_t read_version,
                                              const v1::Invitation& invitation, LinkChange change,
                                              const std::optional<IssuedLink>& link,
                                              const db::RequestKey& request,
                                              const std::string& response,
                                              const AlsoInTransaction& also);

  // NOT_FOUND naming the invitation.
  absl::StatusOr<VersionedInvitation> Get(const std::string& tenant, const std::string& name);
  // Up to `limit` invitations of the conference created after the cursor, oldest first.
  absl::StatusOr<std::vector<VersionedInvitation>> List(const std::string& tenant,
                                                        const std::string& conference,
                                                        const std::string& after, int limit);
  // The member's invitation that is not revoked, if any.
  absl::StatusOr<std::optional<VersionedInvitation>> LiveFor(const std::string& tenant,
                                                             const std::string& member);
  // Revokes every live invitation of the member (RemoveNetworkMember), inside `tx`.
  static void RevokeAllFor(pqxx::work& tx, const std::string& tenant, const std::string& member);

  // The invitation `token` opens at `now`, and its tenant; the one INVITATION_TOKEN_INVALID
  // error for anything else.
  absl::StatusOr<std::pair<std::string, VersionedInvitation>> ForToken(const PresentedToken& token,
                                                                       absl::Time now);

  // The family's view of a conference (a GetMyInvitationResponse holding only the conference's
  // parts), sealed under the conference's key, with its availability deadline also in clear (the
  // reminder job finds near deadlines by it); NOT_FOUND before the first Put.
  absl::Status PutFamilyView(const std::string& tenant, const std::string& conference,
                             const v1::GetMyInvitationResponse& view);
  absl::StatusOr<v1::GetMyInvitationResponse> GetFamilyView(const std::string& tenant,
                                                            const std::string& conference);

  // Records in `tx` that `plan_version` was distributed to `member` (once; a second distribution
  // of the same version changes nothing).
  static void RecordPlanRecipient(pqxx::work& tx, const std::string& tenant,
                                  const std::string& member, const std::string& plan_version);
  // Whether any plan version was distributed to `member`.
  absl::StatusOr<bool> HasPlan(const std::string& tenant, const std::string& member);

 private:
  // What a write's transaction ended in, as the invitation it left (or the replay it was).
  absl::StatusOr<VersionedInvitation> AfterWrite(const absl::Status& status,
                                                 const std::string& tenant,
                                                 const db::RequestKey& request,
                                                 const std::string& name);
  absl::Status WriteIn(pqxx::work& tx, const std::string& tenant, const v1::Invitation& invitation,
                       int64_t read_version, const crypto::DataKey& key);

  db::Pool* const pool_;
  const crypto::KeyEncryptionKey* const kek_;
};

// The {conference} name and {invitation} id of `tenants/{t}/conferences/{c}/invitations/{i}`.
struct InvitationName {
  std::string conference;
  std::string id;
};
std::optional<InvitationName> ParseInvitationName(const std::string& name,
                                                  const std::string& tenant);

}  // namespace fgc::invitations
