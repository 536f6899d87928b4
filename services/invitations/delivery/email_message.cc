#include "services/invitations/delivery/email_message.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "common/base/errors.h"
#include "services/invitations/delivery/mime_encoding.h"

namespace fgc::invitations::delivery {
namespace {

// RFC 5322 section 2.1.1: lines SHOULD be at most 78 characters (998 is the hard limit).
constexpr size_t kHeaderLineLimit = 78;

bool IsAtext(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool IsDomain(std::string_view domain) {
  if (domain.empty() || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(domain.begin(), domain.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
  });
}

// A dot-atom: atext runs separated by single dots (RFC 5322 section 3.2.3).
bool IsDotAtom(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.' ||
      text.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [](char c) { return IsAtext(c) || c == '.'; });
}

bool IsLanguageTag(std::string_view tag) {
  const std::vector<std::string> parts = absl::StrSplit(std::string(tag), '-');
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool ok_chars = std::all_of(part.begin(), part.end(), [i](char c) {
      return i == 0 ? absl::ascii_isalpha(static_cast<unsigned char>(c))
                    : absl::ascii_isalnum(static_cast<unsigned char>(c));
    });
    if (!ok_chars || part.empty() || part.size() > 8 || (i == 0 && part.size() < 2)) return false;
  }
  return true;
}

// "Name: token token ..." folded before a token whenever the line would pass 78 characters.
std::string FoldedField(std::string_view name, const std::vector<std::string>& tokens) {
  std::string out = absl::StrCat(std::string(name), ":");
  size_t line_length = out.size();
  for (const std::string& token : tokens) {
    if (line_length + 1 + token.size() > kHeaderLineLimit && line_length > name.size() + 1) {
      out += "\r\n";
      line_length = 0;
    }
    absl::StrAppend(&out, " ", token);
    line_length += 1 + token.size();
  }
  out += "\r\n";
  return out;
}

// Free text (a subject, a display name) as header tokens: plain words when it is ASCII that
// folds cleanly, encoded-words otherwise.
std::vector<std::string> TextTokens(std::string_view text, size_t first_budget) {
  if (IsPrintableAscii(text)) {
    std::vector<std::string> words = absl::StrSplit(std::string(text), ' ');
    const bool folds_cleanly = std::none_of(words.begin(), words.end(), [](const std::string& w) {
      return w.empty() || w.size() > 60 || absl::StartsWith(w, "=?");
    });
    if (folds_cleanly) return words;
  }
  return EncodedWords(text, first_budget);
}

// A display name as a phrase: a quoted-string when ASCII, encoded-words otherwise.
std::vector<std::string> PhraseTokens(std::string_view name, size_t first_budget) {
  if (IsPrintableAscii(name) && name.size() <= 60) {
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    quoted += '"';
    return {quoted};
  }
  return EncodedWords(name, first_budget);
}

std::string MailboxField(std::string_view name, const Mailbox& mailbox) {
  std::vector<std::string> tokens;
  if (!mailbox.display_name.empty()) {
    tokens = PhraseTokens(mailbox.display_name, kHeaderLineLimit - name.size() - 2);
  }
  tokens.push_back(absl::StrCat("<", mailbox.address, ">"));
  return FoldedField(name, tokens);
}

// RFC 5322 section 3.3 date-time, always in UTC, spelled in English whatever the locale.
std::string DateField(absl::Time date) {
  static constexpr std::string_view kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const absl::CivilSecond s = absl::ToCivilSecond(date, absl::UTCTimeZone());
  const int weekday = static_cast<int>(absl::GetWeekday(s));  // Monday is 0
  return absl::StrFormat("Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", kDays[weekday], s.day(),
                         kMonths[s.month() - 1], s.year(), s.hour(), s.minute(), s.second());
}

absl::Status Validate(const EmailMessage& m) {
  if (!IsAddress(m.from.address)) return FieldError("from.address", "not an ASCII address");
  if (!IsAddress(m.to.address)) return FieldError("to.address", "not an ASCII address");
  const auto one_line = [](const std::string& text) {
    return text.find_first_of("\r\n") == std::string::npos;
  };
  if (!one_line(m.from.display_name)) return FieldError("from.display_name", "must be one line");
  if (!one_line(m.to.display_name)) return FieldError("to.display_name", "must be one line");
  if (!one_line(m.subject)) return FieldError("subject", "must be one line");
  if (!m.language_code.empty() && !IsLanguageTag(m.language_code)) {
    return FieldError("language_code", "not a BCP 47 language tag");
  }
  return absl::OkStatus();
}

// Base64 when most of the body is non-ASCII (Arabic, Greek): quoted-printable would triple it.
bool PrefersBase64(std::string_view body) {
  const size_t high = std::count_if(body.begin(), body.end(),
                                    [](char c) { return static_cast<unsigned char>(c) > 0x7E; });
  return high * 3 > body.size();
}

}  // namespace

bool IsAddress(std::string_view address) {
  const size_t at = address.rfind('@');
  return at != std::string_view::npos && IsDotAtom(address.substr(0, at)) &&
         IsDomain(address.substr(at + 1));
}

absl::StatusOr<std::string> MessageIdFor(const std::string& notification_id,
                                         const std::string& from_address) {
  if (!IsDotAtom(notification_id)) {
    return FieldError("notification_id", "must be letters, digits and !#$%&'*+-/=?^_`{|}~.");
  }
  if (!IsAddress(from_address)) return FieldError("from.address", "not an ASCII address");
  return absl::StrCat("<", notification_id, "@", from_address.substr(from_address.rfind('@') + 1),
                      ">");
}

absl::StatusOr<std::string> RenderEmail(const EmailMessage& message) {
  if (absl::Status valid = Validate(message); !valid.ok()) return valid;
  absl::StatusOr<std::string> message_id =
      MessageIdFor(message.notification_id, message.from.address);
  if (!message_id.ok()) return message_id.status();

  const bool base64 = PrefersBase64(message.body_text);
  std::string out = DateField(message.date);
  out += MailboxField("From", message.from);
  out += MailboxField("To", message.to);
  out += FoldedField("Subject", TextTokens(message.subject, kHeaderLineLimit - 9));
  out += FoldedField("Message-ID", {*message_id});
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  absl::StrAppend(&out, "Content-Transfer-Encoding: ", base64 ? "base64" : "quoted-printable",
                  "\r\n");
  if (!message.language_code.empty()) {
    absl::StrAppend(&out, "Content-Language: ", message.language_code, "\r\n");
  }
  // RFC 3834: no vacation or out-of-office replies to a notification.
  out += "Auto-Submitted: auto-generated\r\n";
  out += "\r\n";
  if (base64) {
    // Normalise line ends first so that the decoded body has CRLF like a QP body.
    std::string crlf = absl::StrReplaceAll(message.body_text, {{"\r\n", "\n"}});
    crlf = absl::StrReplaceAll(crlf, {{"\n", "\r\n"}});
    out += Base64Lines(crlf);
  } else {
    out += QuotedPrintable(message.body_text);
    if (!absl::EndsWith(out, "\r\n")) out += "\r\n";
  }
  return out;
}

}  // namespace fgc::invitations::delivery
