#include "common/server/request_hash.h"

#include "common/base/errors.h"
#include "common/crypto/sha256.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace fgc::server {

std::string RequestHash(const google::protobuf::Message& request) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    request.SerializeToCodedStream(&out);
  }
  return crypto::Sha256(bytes);
}

absl::StatusOr<db::RequestKey> RequestKeyOf(const std::string& request_id, const char* method,
                                            const google::protobuf::Message& request) {
  if (request_id.size() > 128) return FieldError("request_id", "is at most 128 characters");
  return db::RequestKey{request_id, method, request_id.empty() ? "" : RequestHash(request)};
}

}  // namespace fgc::server
