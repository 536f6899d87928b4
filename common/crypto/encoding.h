// Byte encodings used on the wire and in files: Base64 (RFC 4648 §4, padded), Base64Url
// (RFC 4648 §5, unpadded, as JOSE uses it) and lowercase hex. Decoders are strict.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace fgc::crypto {

// Bytes are carried in std::string throughout fgc::crypto (as protobuf `bytes` fields are).
std::string Base64Encode(std::string_view bytes);
std::string Base64UrlEncode(std::string_view bytes);  // no '=' padding
std::string HexEncode(std::string_view bytes);        // lowercase

// Strict decoders, INVALID_ARGUMENT for anything that is not the one canonical encoding of
// some bytes: characters outside the alphabet (whitespace included), wrong length, padding
// where there should be none (Base64Url) or missing (Base64), or non-zero unused bits in the
// last character. Strictness matters for signatures: one token must have one byte string.
absl::StatusOr<std::string> Base64Decode(std::string_view text);
absl::StatusOr<std::string> Base64UrlDecode(std::string_view text);
absl::StatusOr<std::string> HexDecode(std::string_view text);  // either case

}  // namespace fgc::crypto
