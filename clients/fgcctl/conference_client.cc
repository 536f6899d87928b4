#include "clients/fgcctl/conference_client.h"

namespace fgc::ctl {

ConferenceClient::ConferenceClient(const Connection& connection)
    : connection_(connection), stub_(v1::SchedulingService::NewStub(connection.channel())) {}

grpc::Status ConferenceClient::Create(const v1::CreateConferenceRequest& request,
                                      v1::CreateConferenceResponse* response) const {
  auto context = connection_.NewContext();
  return stub_->CreateConference(context.get(), request, response);
}

grpc::Status ConferenceClient::Get(const std::string& name,
                                   v1::GetConferenceResponse* response) const {
  v1::GetConferenceRequest request;
  request.set_name(name);
  auto context = connection_.NewContext();
  return stub_->GetConference(context.get(), request, response);
}

grpc::Status ConferenceClient::List(const v1::ListConferencesRequest& request,
                                    v1::ListConferencesResponse* response) const {
  auto context = connection_.NewContext();
  return stub_->ListConferences(context.get(), request, response);
}

grpc::Status ConferenceClient::Update(const v1::UpdateConferenceRequest& request,
                                      v1::UpdateConferenceResponse* response) const {
  auto context = connection_.NewContext();
  return stub_->UpdateConference(context.get(), request, response);
}

grpc::Status ConferenceClient::Transition(const v1::TransitionConferenceRequest& request,
                                          v1::TransitionConferenceResponse* response) const {
  auto context = connection_.NewContext();
  return stub_->TransitionConference(context.get(), request, response);
}

}  // namespace fgc::ctl
