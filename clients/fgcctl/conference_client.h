// The SchedulingService conference calls fgcctl makes, one context (deadline and bearer token)
// per call.
#pragma once

#include <memory>

#include "clients/fgcctl/connection.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"

namespace fgc::ctl {

class ConferenceClient {
 public:
  explicit ConferenceClient(const Connection& connection);

  grpc::Status Create(const v1::CreateConferenceRequest& request,
                      v1::CreateConferenceResponse* response) const;
  grpc::Status Get(const std::string& name, v1::GetConferenceResponse* response) const;
  grpc::Status List(const v1::ListConferencesRequest& request,
                    v1::ListConferencesResponse* response) const;
  grpc::Status Update(const v1::UpdateConferenceRequest& request,
                      v1::UpdateConferenceResponse* response) const;
  grpc::Status Transition(const v1::TransitionConferenceRequest& request,
                          v1::TransitionConferenceResponse* response) const;

 private:
  const Connection& connection_;
  std::unique_ptr<v1::SchedulingService::Stub> stub_;
};

}  // namespace fgc::ctl
