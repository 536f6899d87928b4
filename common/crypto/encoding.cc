#include "common/crypto/encoding.h"

#include <array>
#include <cstdint>

#include "absl/status/status.h"

namespace fgc::crypto {
namespace {

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kBase64UrlAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Maps each byte to its 6-bit value in `alphabet`, or -1.
constexpr std::array<int8_t, 256> ReverseTable(std::string_view alphabet) {
  std::array<int8_t, 256> table{};
  for (auto& v : table) v = -1;
  for (size_t i = 0; i < alphabet.size(); ++i) {
    table[static_cast<uint8_t>(alphabet[i])] = static_cast<int8_t>(i);
  }
  return table;
}

constexpr std::array<int8_t, 256> kBase64Reverse = ReverseTable(kBase64Alphabet);
constexpr std::array<int8_t, 256> kBase64UrlReverse = ReverseTable(kBase64UrlAlphabet);

std::string EncodeWith(std::string_view bytes, std::string_view alphabet, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t n = (static_cast<uint8_t>(bytes[i]) << 16) |
                       (static_cast<uint8_t>(bytes[i + 1]) << 8) |
                       static_cast<uint8_t>(bytes[i + 2]);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += alphabet[n & 63];
  }
  const size_t rest = bytes.size() - i;
  if (rest == 1) {
    const uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    if (pad) out += "==";
  } else if (rest == 2) {
    const uint32_t n =
        (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    if (pad) out += '=';
  }
  return out;
}

// Decodes unpadded text; rejects a final group of one character and non-zero unused bits.
absl::StatusOr<std::string> DecodeUnpadded(std::string_view text,
                                           const std::array<int8_t, 256>& reverse,
                                           std::string_view what) {
  if (text.size() % 4 == 1) return absl::InvalidArgumentError(std::string(what) + ": bad length");
  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  uint32_t acc = 0;
  int bits = 0;
  for (const char c : text) {
    const int8_t v = reverse[static_cast<uint8_t>(c)];
    if (v < 0) return absl::InvalidArgumentError(std::string(what) + ": invalid character");
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  if ((acc & ((1u << bits) - 1)) != 0) {
    return absl::InvalidArgumentError(std::string(what) + ": non-canonical trailing bits");
  }
  return out;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) {
  return EncodeWith(bytes, kBase64Alphabet, true);
}

std::string Base64UrlEncode(std::string_view bytes) {
  return EncodeWith(bytes, kBase64UrlAlphabet, false);
}

absl::StatusOr<std::string> Base64Decode(std::string_view text) {
  if (text.size() % 4 != 0) return absl::InvalidArgumentError("base64: bad length");
  size_t padding = 0;
  while (padding < text.size() && padding < 3 && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  if (padding > 2) return absl::InvalidArgumentError("base64: bad padding");
  return DecodeUnpadded(text.substr(0, text.size() - padding), kBase64Reverse, "base64");
}

absl::StatusOr<std::string> Base64UrlDecode(std::string_view text) {
  return DecodeUnpadded(text, kBase64UrlReverse, "base64url");
}

std::string HexEncode(std::string_view bytes) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    out += kDigits[static_cast<uint8_t>(c) >> 4];
    out += kDigits[static_cast<uint8_t>(c) & 15];
  }
  return out;
}

absl::StatusOr<std::string> HexDecode(std::string_view text) {
  if (text.size() % 2 != 0) return absl::InvalidArgumentError("hex: odd length");
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size() / 2);
  for (size_t i = 0; i < text.size(); i += 2) {
    const int hi = nibble(text[i]);
    const int lo = nibble(text[i + 1]);
    if (hi < 0 || lo < 0) return absl::InvalidArgumentError("hex: invalid character");
    out += static_cast<char>((hi << 4) | lo);
  }
  return out;
}

}  // namespace fgc::crypto
