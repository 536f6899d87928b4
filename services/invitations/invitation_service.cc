#include "services/invitations/invitation_service.h"

#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/listing/page_token.h"
#include "common/server/request_hash.h"
#include "google/protobuf/util/time_util.h"
#include "services/invitations/member_listing.h"
#include "services/invitations/network/network_map.h"
#include "services/invitations/network/network_member_validation.h"
#include "services/invitations/scheduling_client.h"

namespace fgc::invitations {
namespace {

using google::protobuf::util::TimeUtil;
using server::Caller;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
// Networks are listed and drawn whole; a family network is far smaller than this.
constexpr int kMaxNetworkSize = 500;

const google::protobuf::ServiceDescriptor* Descriptor() {
  return v1::GetMyInvitationRequest::descriptor()->file()->FindServiceByName("InvitationService");
}

// What a member record may hold on input: output-only fields are the service's.
v1::NetworkMember InputOf(const v1::NetworkMember& requested) {
  v1::NetworkMember m = requested;
  m.clear_restriction();
  m.clear_invitation();
  m.clear_create_time();
  m.clear_update_time();
  m.clear_etag();
  return m;
}

void CopyPath(const std::string& path, const v1::NetworkMember& from, v1::NetworkMember& to) {
  const auto* field = v1::NetworkMember::descriptor()->FindFieldByName(path);
  const auto* reflection = to.GetReflection();
  // Every updatable path is a top-level field of NetworkMember: copy it whole.
  if (field->is_repeated()) {
    reflection->ClearField(&to, field);
    for (int i = 0; i < reflection->FieldSize(from, field); ++i) {
      if (field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) {
        reflection->AddMessage(&to, field)
            ->CopyFrom(reflection->GetRepeatedMessage(from, field, i));
      } else {
        reflection->AddEnumValue(&to, field, reflection->GetRepeatedEnumValue(from, field, i));
      }
    }
  } else if (field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_ENUM) {
    reflection->SetEnumValue(&to, field, reflection->GetEnumValue(from, field));
  } else {
    reflection->SetString(&to, field, reflection->GetString(from, field));
  }
}

absl::Status CheckEtag(const std::string& etag, const v1::NetworkMember& current) {
  if (!etag.empty() && etag != current.etag()) {
    return WithDetails(absl::AbortedError("the member changed since you read them"),
                       {.reason = "ETAG_MISMATCH"});
  }
  return absl::OkStatus();
}

}  // namespace

InvitationService::InvitationService(const server::RequestGuard* guard, db::Pool* pool,
                                     server::PeerChannels* peers,
                                     std::unique_ptr<crypto::KeyEncryptionKey> kek,
                                     InvitationLinks links,
                                     std::unique_ptr<outbox::OutboxWorker> worker,
                                     std::unique_ptr<ReminderJob> reminders)
    : GuardedService(Descriptor(), guard),
      pool_(pool),
      peers_(peers),
      kek_(std::move(kek)),
      links_(std::move(links)),
      members_(pool, kek_.get()),
      invitations_(pool, kek_.get()),
      worker_(std::move(worker)),
      reminders_(std::move(reminders)) {
  RegisterHandlers();
  worker_->Start();
  reminders_->Start();
}

InvitationService::~InvitationService() {
  reminders_->Stop();
  worker_->Stop();
}

void InvitationService::RegisterHandlers() {
  Handle<v1::AddNetworkMemberRequest, v1::AddNetworkMemberResponse>(
      "AddNetworkMember", [this](const Caller& c, const auto& req, auto& resp) {
        return AddNetworkMember(c, req, resp);
      });
  Handle<v1::GetNetworkMemberRequest, v1::GetNetworkMemberResponse>(
      "GetNetworkMember", [this](const Caller& c, const auto& req, auto& resp) {
        return GetNetworkMember(c, req, resp);
      });
  Handle<v1::UpdateNetworkMemberRequest, v1::UpdateNetworkMemberResponse>(
      "UpdateNetworkMember", [this](const Caller& c, const auto& req, auto& resp) {
        return UpdateNetworkMember(c, req, resp);
      });
  Handle<v1::ListNetworkMembersRequest, v1::ListNetworkMembersResponse>(
      "ListNetworkMembers", [this](const Caller& c, const auto& req, auto& resp) {
        return ListNetworkMembers(c, req, resp);
      });
  Handle<v1::RemoveNetworkMemberRequest, v1::RemoveNetworkMemberResponse>(
      "RemoveNetworkMember", [this](const Caller& c, const auto& req, auto& resp) {
        return RemoveNetworkMember(c, req, resp);
      });
  Handle<v1::SendInvitationRequest, v1::SendInvitationResponse>(
      "SendInvitation", [this](const Caller& c, const auto& req, auto& resp) {
        return SendInvitation(c, req, resp);
      });
  Handle<v1::GetInvitationRequest, v1::GetInvitationResponse>(
      "GetInvitation",
      [this](const Caller& c, const auto& req, auto& resp) { return GetInvitation(c, req, resp); });
  Handle<v1::ResendInvitationRequest, v1::ResendInvitationResponse>(
      "ResendInvitation", [this](const Caller& c, const auto& req, auto& resp) {
        return ResendInvitation(c, req, resp);
      });
  Handle<v1::RevokeInvitationRequest, v1::RevokeInvitationResponse>(
      "RevokeInvitation", [this](const Caller& c, const auto& req, auto& resp) {
        return RevokeInvitation(c, req, resp);
      });
  Handle<v1::ListInvitationsRequest, v1::ListInvitationsResponse>(
      "ListInvitations", [this](const Caller& c, const auto& req, auto& resp) {
        return ListInvitations(c, req, resp);
      });
  Handle<v1::RestrictParticipationRequest, v1::RestrictParticipationResponse>(
      "RestrictParticipation", [this](const Caller& c, const auto& req, auto& resp) {
        return RestrictParticipation(c, req, resp);
      });
  Handle<v1::RenderNetworkMapRequest, v1::RenderNetworkMapResponse>(
      "RenderNetworkMap", [this](const Caller& c, const auto& req, auto& resp) {
        return RenderNetworkMap(c, req, resp);
      });
  Handle<v1::SendNotificationRequest, v1::SendNotificationResponse>(
      "SendNotification", [this](const Caller& c, const auto& req, auto& resp) {
        return SendNotification(c, req, resp);
      });
  Handle<v1::GetMyInvitationRequest, v1::GetMyInvitationResponse>(
      "GetMyInvitation", [this](const Caller& c, const auto& req, auto& resp) {
        return GetMyInvitation(c, req, resp);
      });
  Handle<v1::RespondToInvitationRequest, v1::RespondToInvitationResponse>(
      "RespondToInvitation", [this](const Caller& c, const auto& req, auto& resp) {
        return RespondToInvitation(c, req, resp);
      });
}

absl::StatusOr<VersionedMember> InvitationService::Load(const Caller& caller,
                                                        const std::string& name,
                                                        const char* field) {
  const auto parsed = ParseMemberName(name, caller.tenant);
  if (!parsed) {
    return FieldError(field, "must be tenants/{tenant}/conferences/{conference}/members/{member}");
  }
  auto conference = ConferenceForCaller(*peers_, caller, parsed->conference);
  if (!conference.ok()) return conference.status();
  return members_.Get(caller.tenant, name);
}

absl::Status InvitationService::AddNetworkMember(const Caller& caller,
                                                 const v1::AddNetworkMemberRequest& req,
                                                 v1::AddNetworkMemberResponse& resp) {
  auto key = server::RequestKeyOf(req.request_id(), "AddNetworkMember", req);
  if (!key.ok()) return key.status();
  v1::NetworkMember member = InputOf(req.member());
  std::string id = req.member_id();
  if (id.empty()) {
    auto bytes = crypto::RandomBytes(6);
    if (!bytes.ok()) return bytes.status();
    id = absl::StrCat("m-", crypto::HexEncode(*bytes));
  }
  member.set_name(absl::StrCat(req.parent(), "/members/", id));
  if (!ParseMemberName(member.name(), caller.tenant)) {
    return FieldError(req.member_id().empty() ? "parent" : "member_id",
                      "parent must be a conference of your tenant, member_id 1-63 lower-case "
                      "letters, digits and hyphens starting with a letter");
  }
  if (absl::Status s = ValidateNetworkMember(member, req.parent()); !s.ok()) return s;
  auto conference = ConferenceForCaller(*peers_, caller, req.parent());
  if (!conference.ok()) return conference.status();
  auto replayed = members_.Replayed(caller.tenant, *key);
  if (!replayed.ok()) return replayed.status();
  absl::StatusOr<VersionedMember> stored = absl::UnknownError("unset");
  if (replayed->has_value()) {
    stored = members_.Get(caller.tenant, **replayed);
  } else {
    const auto now = TimeUtil::GetCurrentTime();
    *member.mutable_create_time() = now;
    *member.mutable_update_time() = now;
    stored = members_.Create(caller.tenant, member, *key);
  }
  if (!stored.ok()) return stored.status();
  *resp.mutable_member() = stored->member;
  return absl::OkStatus();
}

absl::Status InvitationService::GetNetworkMember(const Caller& caller,
                                                 const v1::GetNetworkMemberRequest& req,
                                                 v1::GetNetworkMemberResponse& resp) {
  auto loaded = Load(caller, req.name(), "name");
  if (!loaded.ok()) return loaded.status();
  *resp.mutable_member() = loaded->member;
  return absl::OkStatus();
}

absl::Status InvitationService::UpdateNetworkMember(const Caller& caller,
                                                    const v1::UpdateNetworkMemberRequest& req,
                                                    v1::UpdateNetworkMemberResponse& resp) {
  auto key = server::RequestKeyOf(req.request_id(), "UpdateNetworkMember", req);
  if (!key.ok()) return key.status();
  if (absl::Status s = ValidateMemberUpdateMask(std::vector<std::string>(
          req.update_mask().paths().begin(), req.update_mask().paths().end()));
      !s.ok()) {
    return s;
  }
  auto loaded = Load(caller, req.member().name(), "member.name");
  if (!loaded.ok()) return loaded.status();
  auto replayed = members_.Replayed(caller.tenant, *key);
  if (!replayed.ok()) return replayed.status();
  if (!replayed->has_value()) {
    if (absl::Status s = CheckEtag(req.member().etag(), loaded->member); !s.ok()) return s;
    v1::NetworkMember updated = loaded->member;
    for (const std::string& path : req.update_mask().paths()) {
      CopyPath(path, req.member(), updated);
    }
    const std::string conference = ParseMemberName(updated.name(), caller.tenant)->conference;
    if (absl::Status s = ValidateNetworkMember(updated, conference); !s.ok()) return s;
    *updated.mutable_update_time() = TimeUtil::GetCurrentTime();
    loaded = members_.Replace(caller.tenant, loaded->version, InputOf(updated), *key);
    if (!loaded.ok()) return loaded.status();
  }
  *resp.mutable_member() = loaded->member;
  return absl::OkStatus();
}

absl::Status InvitationService::ListNetworkMembers(const Caller& caller,
                                                   const v1::ListNetworkMembersRequest& req,
                                                   v1::ListNetworkMembersResponse& resp) {
  auto filter = ParseMemberFilter(req.filter());
  if (!filter.ok()) return filter.status();
  const std::string binding = absl::StrCat(req.parent(), "|", req.filter());
  auto page = listing::ParseOffsetPage(req.page_size(), req.page_token(), binding, kDefaultPageSize,
                                       kMaxPageSize);
  if (!page.ok()) return page.status();
  auto conference = ConferenceForCaller(*peers_, caller, req.parent());
  if (!conference.ok()) return conference.status();
  // The order (the child first, then by name) needs the sealed names opened: the network is
  // read whole, as it is small, and paged from memory.
  auto stored = members_.List(caller.tenant, req.parent(), "", kMaxNetworkSize);
  if (!stored.ok()) return stored.status();
  auto live = LiveInvitations(caller.tenant, req.parent());
  if (!live.ok()) return live.status();
  std::vector<v1::NetworkMember> members;
  for (VersionedMember& m : *stored) {
    if (!(*filter)(m.member)) continue;
    if (auto it = live->find(m.member.name()); it != live->end()) {
      m.member.set_invitation(it->second.name());
    }
    members.push_back(std::move(m.member));
  }
  SortForListing(members);
  for (size_t i = page->offset; i < members.size() && i < page->offset + page->size; ++i) {
    *resp.add_members() = std::move(members[i]);
  }
  resp.set_next_page_token(listing::NextOffsetPageToken(*page, members.size(), binding));
  return absl::OkStatus();
}

absl::Status InvitationService::RemoveNetworkMember(const Caller& caller,
                                                    const v1::RemoveNetworkMemberRequest& req,
                                                    v1::RemoveNetworkMemberResponse& resp) {
  auto key = server::RequestKeyOf(req.request_id(), "RemoveNetworkMember", req);
  if (!key.ok()) return key.status();
  if (req.reason().size() > 2000) return FieldError("reason", "is at most 2,000 characters");
  auto replayed = members_.Replayed(caller.tenant, *key);
  if (!replayed.ok()) return replayed.status();
  if (!replayed->has_value()) {
    auto loaded = Load(caller, req.name(), "name");
    if (!loaded.ok()) return loaded.status();
    if (absl::Status s = CheckEtag(req.etag(), loaded->member); !s.ok()) return s;
    if (absl::Status s = members_.Remove(caller.tenant, req.name(), loaded->version, *key);
        !s.ok()) {
      return s;
    }
  }
  resp.set_name(req.name());
  return absl::OkStatus();
}

absl::Status InvitationService::RenderNetworkMap(const Caller& caller,
                                                 const v1::RenderNetworkMapRequest& req,
                                                 v1::RenderNetworkMapResponse& resp) {
  if (!req.language_code().empty() && !LooksLikeLanguageTag(req.language_code())) {
    return FieldError("language_code", "must be a BCP 47 language tag");
  }
  auto conference = ConferenceForCaller(*peers_, caller, req.parent());
  if (!conference.ok()) return conference.status();
  auto members = members_.List(caller.tenant, req.parent(), "", kMaxNetworkSize);
  if (!members.ok()) return members.status();
  std::vector<v1::NetworkMember> drawn;
  drawn.reserve(members->size());
  for (VersionedMember& m : *members) drawn.push_back(std::move(m.member));
  NetworkMapOptions options;
  // Names and the family's words only for those who run the network; the referring agency
  // sees its shape.
  options.detail = caller.role == "coordinator" || caller.role == "manager" ? MapDetail::kFull
                                                                            : MapDetail::kRolesOnly;
  options.include_professionals = req.include_professionals();
  options.language_code = req.language_code();
  resp.set_svg(invitations::RenderNetworkMap(drawn, options));
  resp.set_redacted(options.detail == MapDetail::kRolesOnly);
  return absl::OkStatus();
}

}  // namespace fgc::invitations
