#include "common/server/guarded_service.h"

#include <google/protobuf/message.h>
#include <grpcpp/impl/rpc_service_method.h>
#include <grpcpp/support/method_handler.h>

#include <cstdlib>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/log.h"
#include "common/server/grpc_status.h"

namespace fgc::server {
namespace {

using google::protobuf::Message;
using google::protobuf::MessageFactory;
using google::protobuf::MethodDescriptor;

bool ParseBuffer(const grpc::ByteBuffer& buffer, Message& message) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return false;
  std::string bytes;
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  return message.ParseFromString(bytes);
}

grpc::ByteBuffer ToBuffer(const Message& message) {
  grpc::Slice slice(message.SerializeAsString());
  return grpc::ByteBuffer(&slice, 1);
}

std::string RequestIdOf(const grpc::ServerContext& context) {
  auto it = context.client_metadata().find("x-request-id");
  if (it == context.client_metadata().end() || it->second.size() > 64) return "";
  return std::string(it->second.data(), it->second.size());
}

}  // namespace

GuardedService::GuardedService(const google::protobuf::ServiceDescriptor* descriptor,
                               const RequestGuard* guard)
    : descriptor_(descriptor), guard_(guard) {
  for (int i = 0; i < descriptor_->method_count(); ++i) {
    const MethodDescriptor* method = descriptor_->method(i);
    if (method->client_streaming() || method->server_streaming()) {
      std::cerr << "GuardedService: streaming method " << method->full_name()
                << " is not supported\n";
      std::abort();
    }
    method_paths_.push_back(absl::StrCat("/", descriptor_->full_name(), "/", method->name()));
    AddMethod(new grpc::internal::RpcServiceMethod(
        method_paths_.back().c_str(), grpc::internal::RpcMethod::NORMAL_RPC,
        new grpc::internal::RpcMethodHandler<GuardedService, grpc::ByteBuffer, grpc::ByteBuffer>(
            [method](GuardedService* self, grpc::ServerContext* context,
                     const grpc::ByteBuffer* request, grpc::ByteBuffer* response) {
              return self->Dispatch(method, context, request, response);
            },
            this)));
  }
}

GuardedService::~GuardedService() = default;

void GuardedService::Register(std::string_view name, const google::protobuf::Descriptor* request,
                              const google::protobuf::Descriptor* response, ErasedHandler handler) {
  const MethodDescriptor* method = descriptor_->FindMethodByName(std::string(name));
  if (method == nullptr || method->input_type() != request || method->output_type() != response ||
      handlers_.contains(name)) {
    std::cerr << "GuardedService: bad handler registration for " << descriptor_->full_name() << "/"
              << name << "\n";
    std::abort();
  }
  handlers_.emplace(std::string(name), std::move(handler));
}

grpc::Status GuardedService::Dispatch(const MethodDescriptor* method, grpc::ServerContext* context,
                                      const grpc::ByteBuffer* request_bytes,
                                      grpc::ByteBuffer* response_bytes) {
  log::ScopedRequestId request_id(RequestIdOf(*context));
  const Message* prototype =
      MessageFactory::generated_factory()->GetPrototype(method->input_type());
  std::unique_ptr<Message> request(prototype->New());
  if (!ParseBuffer(*request_bytes, *request)) {
    return ToGrpcStatus(
        InvalidArgument("MALFORMED_REQUEST", "the request is not a valid protobuf message", {}));
  }
  const std::string full_method = absl::StrCat(descriptor_->full_name(), "/", method->name());
  absl::StatusOr<Caller> caller = guard_->Authorize(*context, full_method, *request);
  if (!caller.ok()) return ToGrpcStatus(caller.status());

  auto handler = handlers_.find(method->name());
  if (handler == handlers_.end()) return ToGrpcStatus(Unimplemented(full_method));

  std::unique_ptr<Message> response(
      MessageFactory::generated_factory()->GetPrototype(method->output_type())->New());
  absl::Status status = handler->second(*caller, *request, *response);
  if (!status.ok()) return ToGrpcStatus(status);
  *response_bytes = ToBuffer(*response);
  return grpc::Status::OK;
}

}  // namespace fgc::server
