#include "clients/fgcctl/masked_change.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/fgcctl/enum_words.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/util/field_mask_util.h"

namespace fgc::ctl {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::util::FieldMaskUtil;

absl::Status SetScalar(const FieldDescriptor& field, const std::string& value,
                       google::protobuf::Message* to) {
  const auto* reflection = to->GetReflection();
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      reflection->SetString(to, &field, value);
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_ENUM: {
      auto number = ParseEnumValueWord(field.enum_type(), value);
      if (!number.ok()) return number.status();
      reflection->SetEnumValue(to, &field, *number);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_INT32: {
      int32_t number = 0;
      if (!absl::SimpleAtoi(value, &number)) return absl::InvalidArgumentError("a whole number");
      reflection->SetInt32(to, &field, number);
      return absl::OkStatus();
    }
    default:
      return absl::InvalidArgumentError("give this field with --from FILE --mask PATHS");
  }
}

}  // namespace

absl::Status AddMaskPath(const std::string& path, std::vector<std::string>* paths) {
  if (std::find(paths->begin(), paths->end(), path) != paths->end()) {
    return absl::InvalidArgumentError(absl::StrCat(path, " is named twice"));
  }
  paths->push_back(path);
  return absl::OkStatus();
}

absl::Status ApplyMaskedMessage(const google::protobuf::Message& from, const std::string& mask,
                                google::protobuf::Message* to, std::vector<std::string>* paths) {
  google::protobuf::FieldMask field_mask;
  for (absl::string_view part : absl::StrSplit(mask, ',', absl::SkipWhitespace())) {
    std::string path(absl::StripAsciiWhitespace(part));
    if (!FieldMaskUtil::GetFieldDescriptors(from.GetDescriptor(), path, nullptr)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--mask: ", path, " is not a field of a ", from.GetDescriptor()->name()));
    }
    if (absl::Status s = AddMaskPath(path, paths); !s.ok()) return s;
    field_mask.add_paths(path);
  }
  if (field_mask.paths().empty()) {
    return absl::InvalidArgumentError("--mask: name the fields to take from the file");
  }
  FieldMaskUtil::MergeOptions options;
  options.set_replace_message_fields(true);
  options.set_replace_repeated_fields(true);
  FieldMaskUtil::MergeMessageTo(from, field_mask, options, to);
  return absl::OkStatus();
}

absl::Status ApplyScalarSetting(const std::string& setting,
                                const std::vector<std::string>& settable,
                                google::protobuf::Message* to, std::vector<std::string>* paths) {
  const size_t equals = setting.find('=');
  if (equals == std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat("--set ", setting, ": write path=value"));
  }
  const std::string path = setting.substr(0, equals);
  const FieldDescriptor* field = to->GetDescriptor()->FindFieldByName(path);
  if (field == nullptr || field->is_repeated() ||
      std::find(settable.begin(), settable.end(), path) == settable.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--set ", path, ": --set takes ", absl::StrJoin(settable, ", "),
                     "; give other fields with --from FILE --mask PATHS"));
  }
  if (absl::Status s = SetScalar(*field, setting.substr(equals + 1), to); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--set ", path, ": ", s.message()));
  }
  return AddMaskPath(path, paths);
}

}  // namespace fgc::ctl
