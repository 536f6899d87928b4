// Money as people type and read it: "120.50" in GBP is 12050 minor units (pence). How many
// decimals a currency has is ISO 4217's: two for most, none for JPY or ISK, three for KWD or
// BHD. Pure: no calls.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "fgc/v1/common.pb.h"

namespace fgc::ctl {

// How many decimals `currency` (ISO 4217, upper case) is written with.
int CurrencyDecimals(const std::string& currency);

// `amount` ("120.50", "120") in `currency` (three letters, any case). INVALID_ARGUMENT saying
// what is expected for a sign, a thousands separator, more decimals than the currency has, an
// amount too large, or a currency that is not three letters.
absl::StatusOr<v1::Money> ParseMoney(const std::string& amount, const std::string& currency);

// "GBP 120.50".
std::string MoneyText(const v1::Money& money);

}  // namespace fgc::ctl
