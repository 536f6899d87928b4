// The reading half of canonical_message.h.
#include <cstdint>
#include <limits>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/timestamp.pb.h"
#include "services/ledger/entry/canonical_json.h"
#include "services/ledger/entry/canonical_message.h"

namespace fgc::ledger {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using nlohmann::json;

absl::Status Bad(const FieldDescriptor* field, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("member \"", field->name(), "\" of ",
                                                 field->containing_type()->full_name(), ": ",
                                                 std::string(what)));
}

// A JSON integer within [min, max].
absl::StatusOr<int64_t> ReadInteger(const FieldDescriptor* field, const json& value, int64_t min,
                                    int64_t max) {
  if (value.is_number_unsigned()) {
    const uint64_t number = value.get<uint64_t>();
    if (number > static_cast<uint64_t>(max)) return Bad(field, "number out of range");
    return static_cast<int64_t>(number);
  }
  if (value.is_number_integer()) {
    const int64_t number = value.get<int64_t>();
    if (number < min || number > max) return Bad(field, "number out of range");
    return number;
  }
  return Bad(field, "expected an integer");
}

// A JSON string holding a decimal integer (int64 and uint64 fields).
template <typename Int>
absl::StatusOr<Int> ReadDecimalString(const FieldDescriptor* field, const json& value) {
  Int number{};
  if (!value.is_string() || !absl::SimpleAtoi(value.get<std::string>(), &number)) {
    return Bad(field, "expected a decimal integer in a string");
  }
  return number;
}

absl::StatusOr<int> ReadEnum(const FieldDescriptor* field, const json& value) {
  if (value.is_string()) {
    const auto* known = field->enum_type()->FindValueByName(value.get<std::string>());
    if (known == nullptr) return Bad(field, "unknown enum value name");
    return known->number();
  }
  absl::StatusOr<int64_t> number = ReadInteger(field, value, std::numeric_limits<int32_t>::min(),
                                               std::numeric_limits<int32_t>::max());
  if (!number.ok()) return number.status();
  return static_cast<int>(*number);
}

absl::StatusOr<std::string> ReadString(const FieldDescriptor* field, const json& value) {
  if (!value.is_string()) return Bad(field, "expected a string");
  std::string text = value.get<std::string>();
  if (field->type() != FieldDescriptor::TYPE_BYTES) return text;
  absl::StatusOr<std::string> bytes = crypto::Base64Decode(text);
  if (!bytes.ok()) return Bad(field, "expected Base64");
  return bytes;
}

absl::Status ReadMessage(const FieldDescriptor* field, const json& value, Message* child) {
  if (field->message_type()->full_name() != "google.protobuf.Timestamp") {
    if (!value.is_object()) return Bad(field, "expected an object");
    return ReadCanonicalObject(value, child);
  }
  auto timestamp = value.is_string() ? ParseCanonicalTime(value.get<std::string>()) : std::nullopt;
  if (!timestamp) return Bad(field, "expected a time as YYYY-MM-DDTHH:MM:SS[.nnnnnnnnn]Z");
  child->CopyFrom(*timestamp);
  return absl::OkStatus();
}

// Sets (or, for a repeated field, adds) one value of `field`.
absl::Status ReadValue(const FieldDescriptor* field, const json& value, Message* message) {
  const Reflection* r = message->GetReflection();
  const bool rep = field->is_repeated();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32: {
      auto n = ReadInteger(field, value, std::numeric_limits<int32_t>::min(),
                           std::numeric_limits<int32_t>::max());
      if (!n.ok()) return n.status();
      rep ? r->AddInt32(message, field, static_cast<int32_t>(*n))
          : r->SetInt32(message, field, static_cast<int32_t>(*n));
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_UINT32: {
      auto n = ReadInteger(field, value, 0, std::numeric_limits<uint32_t>::max());
      if (!n.ok()) return n.status();
      rep ? r->AddUInt32(message, field, static_cast<uint32_t>(*n))
          : r->SetUInt32(message, field, static_cast<uint32_t>(*n));
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      auto n = ReadDecimalString<int64_t>(field, value);
      if (!n.ok()) return n.status();
      rep ? r->AddInt64(message, field, *n) : r->SetInt64(message, field, *n);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_UINT64: {
      auto n = ReadDecimalString<uint64_t>(field, value);
      if (!n.ok()) return n.status();
      rep ? r->AddUInt64(message, field, *n) : r->SetUInt64(message, field, *n);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_BOOL:
      if (!value.is_boolean()) return Bad(field, "expected true or false");
      rep ? r->AddBool(message, field, value.get<bool>())
          : r->SetBool(message, field, value.get<bool>());
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_ENUM: {
      auto n = ReadEnum(field, value);
      if (!n.ok()) return n.status();
      rep ? r->AddEnumValue(message, field, *n) : r->SetEnumValue(message, field, *n);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      auto text = ReadString(field, value);
      if (!text.ok()) return text.status();
      rep ? r->AddString(message, field, std::move(*text))
          : r->SetString(message, field, std::move(*text));
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return ReadMessage(field, value,
                         rep ? r->AddMessage(message, field) : r->MutableMessage(message, field));
    default:
      return Bad(field, "type not defined by the canonical form");
  }
}

}  // namespace

absl::Status ReadCanonicalObject(const json& object, Message* message) {
  if (!object.is_object()) return absl::InvalidArgumentError("expected a JSON object");
  const google::protobuf::Descriptor* type = message->GetDescriptor();
  try {
    for (auto it = object.begin(); it != object.end(); ++it) {
      const FieldDescriptor* field = type->FindFieldByName(it.key());
      if (field == nullptr || field->is_map()) {
        return absl::InvalidArgumentError(
            absl::StrCat("unknown member \"", it.key(), "\" of ", type->full_name()));
      }
      if (!field->is_repeated()) {
        if (absl::Status status = ReadValue(field, it.value(), message); !status.ok()) {
          return status;
        }
        continue;
      }
      if (!it.value().is_array()) return Bad(field, "expected an array");
      for (const json& element : it.value()) {
        if (absl::Status status = ReadValue(field, element, message); !status.ok()) return status;
      }
    }
  } catch (const json::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("malformed canonical JSON: ", e.what()));
  }
  return absl::OkStatus();
}

}  // namespace fgc::ledger
