#include "clients/fgcctl/network_commands.h"

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/call_runner.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/network_text.h"
#include "fgc/v1/invitation_service.grpc.pb.h"

namespace fgc::ctl {
namespace {

using Invitations = v1::InvitationService::Stub;

absl::StatusOr<std::string> MemberName(const MemberArgument& a) {
  return InConferenceArgument(a.tenant, a.conference, "members", a.member);
}

std::string Written(const char* what, const v1::NetworkMember& member) {
  return absl::StrCat(what, " ", DescribeMember(member));
}

}  // namespace

int RunAddMember(const Connection& connection, const AddMemberOptions& options, bool json) {
  auto conference = ConferenceNameArgument(options.tenant, options.conference);
  if (!conference.ok()) return ReportUnusableInput(conference.status(), json);
  auto member = MemberFromFlags(options.member, *conference);
  if (!member.ok()) return ReportUnusableInput(member.status(), json);
  v1::AddNetworkMemberRequest request;
  request.set_parent(*conference);
  *request.mutable_member() = *std::move(member);
  request.set_member_id(options.id);
  return RunWrite(
      connection, &Invitations::AddNetworkMember, request, options.request_id, json,
      [](const v1::AddNetworkMemberResponse& r) { return Written("added", r.member()); });
}

int RunGetMember(const Connection& connection, const MemberArgument& options, bool json) {
  auto name = MemberName(options);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::GetNetworkMemberRequest request;
  request.set_name(*name);
  return RunRead(connection, &Invitations::GetNetworkMember, request, json,
                 [](const v1::GetNetworkMemberResponse& r) { return DescribeMember(r.member()); });
}

int RunListMembers(const Connection& connection, const ListMembersOptions& options, bool json) {
  auto conference = ConferenceNameArgument(options.tenant, options.conference);
  if (!conference.ok()) return ReportUnusableInput(conference.status(), json);
  v1::ListNetworkMembersRequest request;
  request.set_parent(*conference);
  request.set_filter(options.page.filter);
  return RunList(connection, &Invitations::ListNetworkMembers, request, options.page, json,
                 &v1::ListNetworkMembersResponse::mutable_members, MemberSummaryHeading(),
                 MemberSummaryLine, {"member", "members"});
}

int RunUpdateMember(const Connection& connection, const UpdateMemberOptions& options, bool json) {
  auto name = MemberName(options.member);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  auto change = MemberChangeFrom(options.change.settings, options.change.file, options.change.mask);
  if (!change.ok()) return ReportUnusableInput(change.status(), json);
  std::string etag = options.change.etag;
  auto etag_of = [](const v1::GetNetworkMemberResponse& r) { return r.member().etag(); };
  int code = EtagOrCurrent(connection, &Invitations::GetNetworkMember, *name, etag_of, &etag, json);
  if (code != 0) return code;
  v1::UpdateNetworkMemberRequest request;
  *request.mutable_member() = std::move(change->member);
  request.mutable_member()->set_name(*name);
  request.mutable_member()->set_etag(etag);
  for (const std::string& path : change->paths) request.mutable_update_mask()->add_paths(path);
  return RunWrite(
      connection, &Invitations::UpdateNetworkMember, request, options.request_id, json,
      [](const v1::UpdateNetworkMemberResponse& r) { return Written("updated", r.member()); },
      " --etag " + etag);
}

int RunRemoveMember(const Connection& connection, const RemoveMemberOptions& options, bool json) {
  auto name = MemberName(options.member);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::RemoveNetworkMemberRequest request;
  request.set_name(*name);
  request.set_reason(options.reason);
  request.set_etag(options.etag);
  return RunWrite(connection, &Invitations::RemoveNetworkMember, request, options.request_id, json,
                  [](const v1::RemoveNetworkMemberResponse& r) {
                    return absl::StrCat("removed ", r.name(),
                                        " (their invitation, if any, is revoked)\n");
                  });
}

int RunNetworkMap(const Connection& connection, const NetworkMapOptions& options, bool json) {
  auto conference = ConferenceNameArgument(options.tenant, options.conference);
  if (!conference.ok()) return ReportUnusableInput(conference.status(), json);
  v1::RenderNetworkMapRequest request;
  request.set_parent(*conference);
  request.set_language_code(options.language);
  request.set_include_professionals(options.professionals);
  v1::RenderNetworkMapResponse response;
  grpc::Status status = Invoke(connection, &Invitations::RenderNetworkMap, request, &response);
  if (!status.ok()) return ReportFailure(status, json);
  if (!json && response.redacted()) {
    std::cerr << "names and relationships were left out for your role\n";
  }
  return PrintDocument(response, response.svg(), "svg", options.out, "the network map", json);
}

}  // namespace fgc::ctl
