#include "services/ledger/entry/canonical_message.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/timestamp.pb.h"
#include "services/ledger/entry/canonical_json.h"
#include "services/ledger/entry/entry_time.h"
#include "services/ledger/entry/field_rules.h"

namespace fgc::ledger {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr std::string_view kTimestampType = "google.protobuf.Timestamp";

bool IsTimestamp(const google::protobuf::Descriptor* type) {
  return type->full_name() == kTimestampType;
}

absl::Status Unsupported(const FieldDescriptor* field) {
  return absl::InvalidArgumentError(
      absl::StrCat("field ", field->full_name(), " has a type the canonical form does not define"));
}

absl::Status AppendTimestamp(const Message& message, std::string* out) {
  google::protobuf::Timestamp timestamp;
  timestamp.CopyFrom(message);
  if (!IsValidTimestamp(timestamp)) {
    return absl::InvalidArgumentError("a timestamp is outside years 0001-9999 or has bad nanos");
  }
  AppendJsonString(FormatCanonicalTime(timestamp), out);
  return absl::OkStatus();
}

// One value of `field`: element `index` of a repeated field, or the singular value (index -1).
absl::Status AppendValue(const Message& message, const FieldDescriptor* field, int index,
                         std::string* out) {
  const Reflection* r = message.GetReflection();
  const bool rep = index >= 0;
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      absl::StrAppend(
          out, rep ? r->GetRepeatedInt32(message, field, index) : r->GetInt32(message, field));
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_UINT32:
      absl::StrAppend(
          out, rep ? r->GetRepeatedUInt32(message, field, index) : r->GetUInt32(message, field));
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_INT64:
      absl::StrAppend(
          out, "\"", rep ? r->GetRepeatedInt64(message, field, index) : r->GetInt64(message, field),
          "\"");
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_UINT64:
      absl::StrAppend(
          out, "\"",
          rep ? r->GetRepeatedUInt64(message, field, index) : r->GetUInt64(message, field), "\"");
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_BOOL: {
      const bool value =
          rep ? r->GetRepeatedBool(message, field, index) : r->GetBool(message, field);
      out->append(value ? "true" : "false");
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int number =
          rep ? r->GetRepeatedEnumValue(message, field, index) : r->GetEnumValue(message, field);
      const auto* value = field->enum_type()->FindValueByNumber(number);
      if (value != nullptr) {
        AppendJsonString(value->name(), out);
      } else {
        absl::StrAppend(out, number);
      }
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      const std::string value =
          rep ? r->GetRepeatedString(message, field, index) : r->GetString(message, field);
      if (field->type() == FieldDescriptor::TYPE_BYTES) {
        AppendJsonString(crypto::Base64Encode(value), out);
      } else if (!IsValidUtf8(value)) {
        return absl::InvalidArgumentError(
            absl::StrCat("field ", field->full_name(), " is not valid UTF-8"));
      } else {
        AppendJsonString(value, out);
      }
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      const Message& child =
          rep ? r->GetRepeatedMessage(message, field, index) : r->GetMessage(message, field);
      if (IsTimestamp(field->message_type())) return AppendTimestamp(child, out);
      return AppendCanonicalObject(child, {}, out);
    }
    default:
      return Unsupported(field);
  }
}

absl::Status AppendField(const Message& message, const FieldDescriptor* field, std::string* out) {
  if (!field->is_repeated()) return AppendValue(message, field, -1, out);
  out->push_back('[');
  const int size = message.GetReflection()->FieldSize(message, field);
  for (int i = 0; i < size; ++i) {
    if (i > 0) out->push_back(',');
    if (absl::Status status = AppendValue(message, field, i, out); !status.ok()) return status;
  }
  out->push_back(']');
  return absl::OkStatus();
}

}  // namespace

absl::Status AppendCanonicalObject(const Message& message,
                                   const std::map<std::string, std::string>& extra,
                                   std::string* out) {
  std::vector<const FieldDescriptor*> fields;
  message.GetReflection()->ListFields(message, &fields);  // set fields only
  // Member names are ASCII, so byte order is RFC 8785's UTF-16 code unit order.
  std::vector<std::pair<std::string, const FieldDescriptor*>> members;
  for (const FieldDescriptor* field : fields) {
    if (field->is_map() || field->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT ||
        field->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE) {
      return Unsupported(field);
    }
    members.emplace_back(field->name(), field);
  }
  for (const auto& [name, value] : extra) members.emplace_back(name, nullptr);
  std::sort(members.begin(), members.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  out->push_back('{');
  for (size_t i = 0; i < members.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(members[i].first, out);
    out->push_back(':');
    if (members[i].second == nullptr) {
      out->append(extra.at(members[i].first));
    } else if (absl::Status status = AppendField(message, members[i].second, out); !status.ok()) {
      return status;
    }
  }
  out->push_back('}');
  return absl::OkStatus();
}

}  // namespace fgc::ledger
