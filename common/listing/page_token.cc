#include "common/listing/page_token.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/encoding.h"
#include "common/crypto/sha256.h"

namespace fgc::listing {
namespace {

constexpr std::string_view kVersion = "p1";

std::string Binding(std::string_view binding) {
  return crypto::HexEncode(crypto::Sha256(binding)).substr(0, 16);
}

}  // namespace

std::string MakePageToken(std::string_view cursor, std::string_view binding) {
  return crypto::Base64UrlEncode(
      absl::StrCat(std::string(kVersion), ":", Binding(binding), ":", std::string(cursor)));
}

absl::StatusOr<std::string> ParsePageToken(std::string_view token, std::string_view binding) {
  auto text = crypto::Base64UrlDecode(token);
  // "p1:" + 16 hex digits + ":" + cursor
  const std::string prefix = absl::StrCat(std::string(kVersion), ":", Binding(binding), ":");
  if (!text.ok() || text->rfind(prefix, 0) != 0) {
    return InvalidArgument("INVALID_PAGE_TOKEN",
                           "page_token is not one this list gave for this request",
                           {{"page_token", "use the next_page_token of the same list"}});
  }
  return text->substr(prefix.size());
}

absl::StatusOr<OffsetPage> ParseOffsetPage(int page_size, std::string_view page_token,
                                           std::string_view binding, int default_size,
                                           int max_size) {
  if (page_size < 0) return FieldError("page_size", "must not be negative");
  OffsetPage page;
  page.size = static_cast<size_t>(page_size == 0 ? default_size : std::min(page_size, max_size));
  if (page_token.empty()) return page;
  auto cursor = ParsePageToken(page_token, binding);
  if (!cursor.ok()) return cursor.status();
  if (!absl::SimpleAtoi(*cursor, &page.offset)) {
    return InvalidArgument("INVALID_PAGE_TOKEN",
                           "page_token is not one this list gave for this request",
                           {{"page_token", "use the next_page_token of the same list"}});
  }
  return page;
}

std::string NextOffsetPageToken(const OffsetPage& page, size_t total, std::string_view binding) {
  if (total <= page.offset + page.size) return "";
  return MakePageToken(absl::StrCat(page.offset + page.size), binding);
}

}  // namespace fgc::listing
