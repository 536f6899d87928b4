// A gRPC service built from its proto descriptor in which every method passes the request
// guard before anything else: the adapter registers typed handlers for the methods it
// implements, and a method without one answers UNIMPLEMENTED, after authentication and
// authorisation ran. No method can be added to a proto and served without its checks.
#pragma once

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "common/server/caller.h"
#include "common/server/request_guard.h"

namespace fgc::server {

class GuardedService : public grpc::Service {
 public:
  // `descriptor` is the proto service, e.g. from a request type's file:
  // fgc::v1::GetConferenceRequest::descriptor()->file()->FindServiceByName("SchedulingService")
  // (naming a generated type also keeps its .pb.cc, and so the descriptor, linked in).
  GuardedService(const google::protobuf::ServiceDescriptor* descriptor, const RequestGuard* guard);
  ~GuardedService() override;

  const google::protobuf::ServiceDescriptor* descriptor() const { return descriptor_; }

  // Handles `method` (its short name, e.g. "CreateConference"). Request and Response must be
  // the method's own types; registering a wrong type or an unknown method aborts at start-up,
  // where a test sees it, never at call time.
  template <typename Request, typename Response>
  void Handle(std::string_view method,
              std::function<absl::Status(const Caller&, const Request&, Response&)> fn) {
    Register(method, Request::descriptor(), Response::descriptor(),
             [fn = std::move(fn)](const Caller& caller, const google::protobuf::Message& req,
                                  google::protobuf::Message& resp) {
               return fn(caller, static_cast<const Request&>(req), static_cast<Response&>(resp));
             });
  }

 private:
  using ErasedHandler = std::function<absl::Status(const Caller&, const google::protobuf::Message&,
                                                   google::protobuf::Message&)>;

  void Register(std::string_view name, const google::protobuf::Descriptor* request,
                const google::protobuf::Descriptor* response, ErasedHandler handler);
  grpc::Status Dispatch(const google::protobuf::MethodDescriptor* method,
                        grpc::ServerContext* context, const grpc::ByteBuffer* request,
                        grpc::ByteBuffer* response);

  const google::protobuf::ServiceDescriptor* const descriptor_;
  const RequestGuard* const guard_;
  std::deque<std::string> method_paths_;  // "/pkg.Service/Method"; gRPC keeps the pointers
  std::map<std::string, ErasedHandler, std::less<>> handlers_;  // by short method name
};

}  // namespace fgc::server
