#include "clients/fgcctl/call_output.h"

#include <fstream>
#include <iostream>

#include "clients/fgcctl/ledger_text.h"
#include "clients/fgcctl/status_output.h"

namespace fgc::ctl {

int ReportUnusableInput(const absl::Status& status, bool json) {
  return ReportLocalFailure(std::string(status.message()), 2, json);
}

int PrintWritten(const google::protobuf::Message& response, const std::string& text,
                 const std::string& request_id, bool json) {
  if (json) {
    const nlohmann::ordered_json fields = ProtoJson(response);
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    out["request_id"] = request_id;
    for (const auto& [key, value] : fields.items()) out[key] = value;
    std::cout << out.dump() << "\n";
  } else {
    std::cout << text << "request id: " << request_id
              << " (reuse it with --request-id to retry: a retry never writes twice)\n";
  }
  return 0;
}

int ReportWriteFailure(const grpc::Status& status, const std::string& retry_flags, bool json) {
  const int code = ReportFailure(status, json);
  if (json) return code;
  if (status.error_code() == grpc::StatusCode::ABORTED) {
    std::cerr << "it changed since it was read: read it again and decide whether your change "
                 "still stands\n";
  } else if (MayHaveBeenTransient(status.error_code())) {
    std::cerr << "retry with " << retry_flags << " (a retry never writes twice)\n";
  }
  return code;
}

int PrintDocument(const google::protobuf::Message& response, const std::string& payload,
                  const std::string& payload_field, const std::string& out, const std::string& what,
                  bool json) {
  if (out.empty() || out == "-") {
    if (json) {
      std::cout << ProtoJson(response).dump() << "\n";
    } else {
      std::cout << payload;
      std::cout.flush();
    }
    return 0;
  }
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file << payload;
  file.close();
  if (!file) return ReportLocalFailure("cannot write " + out, 1, json);
  if (json) {
    nlohmann::ordered_json fields = ProtoJson(response);
    fields.erase(payload_field);
    fields["out"] = out;
    std::cout << fields.dump() << "\n";
  } else {
    std::cout << "wrote " << what << " to " << out << "\n";
  }
  return 0;
}

}  // namespace fgc::ctl
