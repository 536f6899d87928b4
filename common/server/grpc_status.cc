#include "common/server/grpc_status.h"

#include <string>

#include "common/base/errors.h"
#include "common/base/log.h"
#include "google/rpc/error_details.pb.h"

namespace fgc::server {
namespace {

bool HidesMessage(absl::StatusCode code) {
  return code == absl::StatusCode::kInternal || code == absl::StatusCode::kUnknown ||
         code == absl::StatusCode::kDataLoss;
}

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(status.code());
  std::string message(status.message());
  if (HidesMessage(status.code())) {
    log::Error("internal error", {{"detail", message}});
    message = "internal error; the request id in the logs identifies it";
  }
  ErrorDetails details = DetailsOf(status).value_or(ErrorDetails{});
  if (details.reason.empty()) details.reason = std::string(DefaultReason(status.code()));

  google::rpc::Status rich;
  rich.set_code(static_cast<int>(code));
  rich.set_message(message);

  google::rpc::ErrorInfo info;
  info.set_reason(details.reason);
  info.set_domain(kErrorDomain);
  for (const auto& [k, v] : details.metadata) (*info.mutable_metadata())[k] = v;
  rich.add_details()->PackFrom(info);

  if (!details.field_violations.empty()) {
    google::rpc::BadRequest bad;
    for (const auto& v : details.field_violations) {
      auto* fv = bad.add_field_violations();
      fv->set_field(v.field);
      fv->set_description(v.description);
    }
    rich.add_details()->PackFrom(bad);
  }
  if (!details.precondition_violations.empty()) {
    google::rpc::PreconditionFailure pf;
    for (const auto& v : details.precondition_violations) {
      auto* pv = pf.add_violations();
      pv->set_type(v.type);
      pv->set_subject(v.subject);
      pv->set_description(v.description);
    }
    rich.add_details()->PackFrom(pf);
  }
  if (!details.resource_name.empty() || !details.resource_type.empty()) {
    google::rpc::ResourceInfo ri;
    ri.set_resource_type(details.resource_type);
    ri.set_resource_name(details.resource_name);
    rich.add_details()->PackFrom(ri);
  }
  return grpc::Status(code, message, rich.SerializeAsString());
}

google::rpc::Status RichStatusOf(const grpc::Status& status) {
  google::rpc::Status rich;
  if (!status.error_details().empty() && rich.ParseFromString(status.error_details())) {
    return rich;
  }
  rich.Clear();
  rich.set_code(static_cast<int>(status.error_code()));
  rich.set_message(status.error_message());
  return rich;
}

}  // namespace fgc::server

namespace fgc::server {

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  const google::rpc::Status rich = RichStatusOf(status);
  ErrorDetails details;
  for (const google::protobuf::Any& any : rich.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::BadRequest bad;
    google::rpc::PreconditionFailure failure;
    google::rpc::ResourceInfo resource;
    if (any.UnpackTo(&info)) {
      details.reason = info.reason();
      details.metadata.insert(info.metadata().begin(), info.metadata().end());
    } else if (any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) {
        details.field_violations.push_back({v.field(), v.description()});
      }
    } else if (any.UnpackTo(&failure)) {
      for (const auto& v : failure.violations()) {
        details.precondition_violations.push_back({v.type(), v.subject(), v.description()});
      }
    } else if (any.UnpackTo(&resource)) {
      details.resource_type = resource.resource_type();
      details.resource_name = resource.resource_name();
    }
  }
  return WithDetails(
      absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message()),
      details);
}

}  // namespace fgc::server
