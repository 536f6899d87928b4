#include "clients/fgcctl/money_text.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace fgc::ctl {
namespace {

// Whole amounts up to 10^15 minor units: far beyond any resource a plan asks for, and far
// from int64's limit.
constexpr size_t kMostDigits = 15;

bool AllDigits(const std::string& text) {
  return std::all_of(text.begin(), text.end(), absl::ascii_isdigit);
}

}  // namespace

int CurrencyDecimals(const std::string& currency) {
  static constexpr const char* kNone[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY",
                                          "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
                                          "VND", "VUV", "XAF", "XOF", "XPF"};
  static constexpr const char* kThree[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  for (const char* code : kNone) {
    if (currency == code) return 0;
  }
  for (const char* code : kThree) {
    if (currency == code) return 3;
  }
  if (currency == "CLF" || currency == "UYW") return 4;
  return 2;
}

absl::StatusOr<v1::Money> ParseMoney(const std::string& amount, const std::string& currency) {
  const std::string code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(currency));
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), absl::ascii_isupper)) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", currency, "\" is not a currency: expected ISO 4217, like GBP or EUR"));
  }
  const int decimals = CurrencyDecimals(code);
  const std::string text(absl::StripAsciiWhitespace(amount));
  const size_t point = text.find('.');
  const std::string whole = text.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  const bool readable = !whole.empty() && AllDigits(whole) && AllDigits(fraction) &&
                        (point == std::string::npos || !fraction.empty()) &&
                        static_cast<int>(fraction.size()) <= decimals &&
                        whole.size() + decimals <= kMostDigits;
  if (!readable) {
    const std::string expected =
        decimals == 0 ? absl::StrCat("a whole amount (", code, " has no minor unit), like 1200")
                      : absl::StrCat("an amount with at most ", decimals, " decimals and no sign ",
                                     "or separators, like 120.5", std::string(decimals - 1, '0'));
    return absl::InvalidArgumentError(
        absl::StrCat("\"", amount, "\" is not an amount in ", code, ": expected ", expected));
  }
  int64_t minor = 0;
  const std::string digits = whole + fraction + std::string(decimals - fraction.size(), '0');
  if (!absl::SimpleAtoi(digits, &minor)) {
    return absl::InvalidArgumentError(absl::StrCat("\"", amount, "\" is not an amount"));
  }
  v1::Money money;
  money.set_currency_code(code);
  money.set_minor_units(minor);
  return money;
}

std::string MoneyText(const v1::Money& money) {
  const int decimals = CurrencyDecimals(money.currency_code());
  const int64_t minor = money.minor_units();
  const uint64_t units = minor < 0 ? 0 - static_cast<uint64_t>(minor) : minor;
  std::string digits = absl::StrCat(units);
  if (digits.size() <= static_cast<size_t>(decimals)) {
    digits.insert(0, decimals + 1 - digits.size(), '0');
  }
  if (decimals > 0) digits.insert(digits.size() - decimals, ".");
  return absl::StrCat(money.currency_code(), " ", minor < 0 ? "-" : "", digits);
}

}  // namespace fgc::ctl
