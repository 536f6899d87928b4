#include "clients/family-web/family_calls.h"

#include "absl/time/clock.h"

namespace fgc::family_web {
namespace {

grpc::Status Unreachable() {
  return grpc::Status(grpc::StatusCode::UNAVAILABLE, "the service cannot be reached");
}

}  // namespace

std::unique_ptr<grpc::ClientContext> FamilyCalls::Context(const std::string& token) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("x-fgc-invitation-token", token);
  context->set_deadline(absl::ToChronoTime(absl::Now() + deadline_));
  return context;
}

std::shared_ptr<grpc::Channel> FamilyCalls::Channel(std::string_view service) const {
  return channels_ ? channels_(service) : nullptr;
}

grpc::Status FamilyCalls::GetMyInvitation(const std::string& token, const std::string& language,
                                          v1::GetMyInvitationResponse* out) const {
  auto channel = Channel("fgc.v1.InvitationService");
  if (!channel) return Unreachable();
  v1::GetMyInvitationRequest request;
  request.set_language_code(language);
  return v1::InvitationService::NewStub(channel)->GetMyInvitation(Context(token).get(), request,
                                                                  out);
}

grpc::Status FamilyCalls::RespondToInvitation(const std::string& token,
                                              const v1::RespondToInvitationRequest& request,
                                              v1::RespondToInvitationResponse* out) const {
  auto channel = Channel("fgc.v1.InvitationService");
  if (!channel) return Unreachable();
  return v1::InvitationService::NewStub(channel)->RespondToInvitation(Context(token).get(), request,
                                                                      out);
}

grpc::Status FamilyCalls::ListSlots(const std::string& token, v1::ListSlotsResponse* out) const {
  auto channel = Channel("fgc.v1.SchedulingService");
  if (!channel) return Unreachable();
  auto stub = v1::SchedulingService::NewStub(channel);
  v1::ListSlotsRequest request;
  request.set_page_size(500);
  do {
    v1::ListSlotsResponse page;
    grpc::Status status = stub->ListSlots(Context(token).get(), request, &page);
    if (!status.ok()) return status;
    for (v1::Slot& slot : *page.mutable_slots()) *out->add_slots() = std::move(slot);
    if (page.has_availability_deadline()) {
      *out->mutable_availability_deadline() = page.availability_deadline();
    }
    out->set_time_zone(page.time_zone());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return grpc::Status::OK;
}

grpc::Status FamilyCalls::RecordAvailability(const std::string& token,
                                             const v1::RecordAvailabilityRequest& request,
                                             v1::RecordAvailabilityResponse* out) const {
  auto channel = Channel("fgc.v1.SchedulingService");
  if (!channel) return Unreachable();
  return v1::SchedulingService::NewStub(channel)->RecordAvailability(Context(token).get(), request,
                                                                     out);
}

grpc::Status FamilyCalls::ExportCalendar(const std::string& token,
                                         v1::ExportCalendarResponse* out) const {
  auto channel = Channel("fgc.v1.SchedulingService");
  if (!channel) return Unreachable();
  return v1::SchedulingService::NewStub(channel)->ExportCalendar(Context(token).get(),
                                                                 v1::ExportCalendarRequest(), out);
}

grpc::Status FamilyCalls::GetMyPlan(const std::string& token, const std::string& language,
                                    v1::GetMyPlanResponse* out) const {
  auto channel = Channel("fgc.v1.PlanService");
  if (!channel) return Unreachable();
  v1::GetMyPlanRequest request;
  request.set_language_code(language);
  return v1::PlanService::NewStub(channel)->GetMyPlan(Context(token).get(), request, out);
}

grpc::Status FamilyCalls::GetMyRecord(const std::string& token,
                                      v1::GetMyRecordResponse* out) const {
  auto channel = Channel("fgc.v1.LedgerService");
  if (!channel) return Unreachable();
  auto stub = v1::LedgerService::NewStub(channel);
  v1::GetMyRecordRequest request;
  request.set_page_size(100);
  do {
    v1::GetMyRecordResponse page;
    grpc::Status status = stub->GetMyRecord(Context(token).get(), request, &page);
    if (!status.ok()) return status;
    for (v1::LedgerEntry& entry : *page.mutable_entries()) *out->add_entries() = std::move(entry);
    for (const std::string& name : page.withdrawable_entries()) out->add_withdrawable_entries(name);
    out->set_member(page.member());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return grpc::Status::OK;
}

grpc::Status FamilyCalls::WithdrawConsent(const std::string& token,
                                          const v1::WithdrawConsentRequest& request,
                                          v1::WithdrawConsentResponse* out) const {
  auto channel = Channel("fgc.v1.LedgerService");
  if (!channel) return Unreachable();
  return v1::LedgerService::NewStub(channel)->WithdrawConsent(Context(token).get(), request, out);
}

}  // namespace fgc::family_web
