#include "services/invitations/delivery/email_message.h"

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::invitations::delivery {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

EmailMessage WelshInvitation() {
  EmailMessage m;
  m.from = {"noreply@fgc.example", "Gwasanaeth Cynadleddau Grŵp Teulu"};
  m.to = {"rhiannon@family.example", "Rhiannon"};
  m.subject = "Gwahoddiad i gynhadledd grŵp teulu";
  m.body_text = "Annwyl Rhiannon,\nDydd Llun, 10:00.\n";
  m.language_code = "cy";
  m.notification_id = "tenants/t1/conferences/c1/notifications/n1";
  m.date = absl::FromUnixSeconds(1795570088);  // Wed, 25 Nov 2026 01:28:08 UTC
  return m;
}

std::string Rendered(const EmailMessage& m) {
  absl::StatusOr<std::string> rendered = RenderEmail(m);
  EXPECT_TRUE(rendered.ok()) << rendered.status();
  return rendered.value_or("");
}

std::string HeaderBlock(const std::string& message) {
  return message.substr(0, message.find("\r\n\r\n") + 2);
}

// The text an RFC 2047 "B" header value stands for, folding and encoded-words undone.
std::string DecodedHeader(const std::string& message, std::string_view name) {
  const std::string headers = HeaderBlock(message);
  const size_t start = headers.find(absl::StrCat("\r\n", std::string(name), ": "));
  if (start == std::string::npos) return "";
  size_t end = start + 2;
  while ((end = headers.find("\r\n", end)) != std::string::npos && headers[end + 2] == ' ') {
    end += 2;
  }
  const std::string value = headers.substr(start + name.size() + 4, end - start - name.size() - 4);
  std::string decoded;
  const std::vector<std::string> tokens =
      absl::StrSplit(value, absl::ByAnyChar(" \r\n"), absl::SkipEmpty());
  for (const std::string& token : tokens) {
    std::string chunk;
    if (absl::StartsWith(token, "=?UTF-8?B?") &&
        absl::Base64Unescape(token.substr(10, token.size() - 12), &chunk)) {
      decoded += chunk;
    } else {
      decoded += token;
    }
  }
  return decoded;
}

TEST(RenderEmail, WritesTheNotificationHeaders) {
  const std::string message = Rendered(WelshInvitation());
  EXPECT_TRUE(absl::StartsWith(message, "Date: Wed, 25 Nov 2026 01:28:08 +0000\r\n"));
  EXPECT_THAT(message, HasSubstr("\r\nTo: \"Rhiannon\" <rhiannon@family.example>\r\n"));
  EXPECT_THAT(message, HasSubstr("\r\nMessage-ID: <tenants/t1/conferences/c1/notifications/"
                                 "n1@fgc.example>\r\n"));
  EXPECT_THAT(message, HasSubstr("\r\nMIME-Version: 1.0\r\n"));
  EXPECT_THAT(message, HasSubstr("\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
  EXPECT_THAT(message, HasSubstr("\r\nContent-Transfer-Encoding: quoted-printable\r\n"));
  EXPECT_THAT(message, HasSubstr("\r\nContent-Language: cy\r\n"));
  EXPECT_THAT(message, HasSubstr("\r\nAuto-Submitted: auto-generated\r\n"));
}

TEST(RenderEmail, EveryLineEndsInCrlf) {
  EmailMessage m = WelshInvitation();
  m.body_text = "one\ntwo\r\nthree\rfour";
  const std::string message = Rendered(m);
  for (size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '\n') {
      EXPECT_EQ(message[i - 1], '\r') << "bare LF at " << i;
    }
    if (message[i] == '\r') {
      EXPECT_EQ(message[i + 1], '\n') << "bare CR at " << i;
    }
  }
  EXPECT_TRUE(absl::EndsWith(message, "\r\n"));
}

TEST(RenderEmail, NoLineIsLongerThan78Characters) {
  EmailMessage m = WelshInvitation();
  m.subject.clear();
  m.body_text.clear();
  for (int i = 0; i < 30; ++i) {
    m.subject += "Zaproszenie na konferencję grupy rodzinnej ";
    m.body_text += "Szanowna Pani, zapraszamy na spotkanie w poniedziałek o godzinie 10:00. ";
  }
  m.from.display_name = std::string(120, 'x');
  const std::string message = Rendered(m);
  const std::vector<std::string> lines = absl::StrSplit(message, "\r\n");
  for (const std::string& line : lines) {
    EXPECT_LE(line.size(), 78u) << line;
  }
  EXPECT_EQ(DecodedHeader(message, "Subject"), m.subject);
}

TEST(RenderEmail, NonAsciiSubjectBecomesEncodedWords) {
  const std::string message = Rendered(WelshInvitation());
  EXPECT_THAT(HeaderBlock(message), HasSubstr("\r\nSubject: =?UTF-8?B?"));
  EXPECT_EQ(DecodedHeader(message, "Subject"), "Gwahoddiad i gynhadledd grŵp teulu");
  EXPECT_THAT(HeaderBlock(message), Not(HasSubstr("ŵ")));
}

TEST(RenderEmail, AsciiSubjectStaysReadable) {
  EmailMessage m = WelshInvitation();
  m.subject = "Your family group conference";
  EXPECT_THAT(Rendered(m), HasSubstr("\r\nSubject: Your family group conference\r\n"));
}

TEST(RenderEmail, NonAsciiDisplayNameIsEncodedBeforeTheAddress) {
  const std::string message = Rendered(WelshInvitation());
  EXPECT_THAT(message, HasSubstr("\r\nFrom: =?UTF-8?B?"));
  EXPECT_THAT(message, HasSubstr("<noreply@fgc.example>\r\n"));
}

TEST(RenderEmail, BodyLinesStartingWithADotAreLeftForTheTransportToStuff) {
  EmailMessage m = WelshInvitation();
  m.body_text = "first\n.hidden\n.\nlast";
  EXPECT_THAT(Rendered(m), HasSubstr("\r\n\r\nfirst\r\n.hidden\r\n.\r\nlast\r\n"));
}

TEST(RenderEmail, MostlyNonAsciiBodyIsBase64WithCrlfLineEnds) {
  EmailMessage m = WelshInvitation();
  m.language_code = "ar";
  m.body_text = "مرحبا\nاجتماع العائلة";
  const std::string message = Rendered(m);
  EXPECT_THAT(message, HasSubstr("\r\nContent-Transfer-Encoding: base64\r\n"));
  std::string body = message.substr(message.find("\r\n\r\n") + 4);
  body = absl::StrReplaceAll(body, {{"\r\n", ""}});
  std::string decoded;
  ASSERT_TRUE(absl::Base64Unescape(body, &decoded));
  EXPECT_EQ(decoded, "مرحبا\r\nاجتماع العائلة");
}

TEST(RenderEmail, MessageIdDependsOnTheNotificationOnly) {
  EmailMessage first = WelshInvitation();
  EmailMessage retry = WelshInvitation();
  retry.date += absl::Minutes(5);
  const auto id_line = [](const std::string& message) {
    const size_t start = message.find("Message-ID:");
    return message.substr(start, message.find("\r\n", start) - start);
  };
  EXPECT_EQ(id_line(Rendered(first)), id_line(Rendered(retry)));
}

TEST(RenderEmail, RejectsALineBreakInTheSubject) {
  EmailMessage m = WelshInvitation();
  m.subject = "Hello\r\nBcc: someone@elsewhere.example";
  EXPECT_EQ(RenderEmail(m).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(RenderEmail, RejectsAnAddressThatIsNotAddrSpec) {
  EmailMessage m = WelshInvitation();
  m.to.address = "rhiannon@family.example>, other@elsewhere.example";
  EXPECT_EQ(RenderEmail(m).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(RenderEmail, RejectsANotificationIdOutsideTheMessageIdAlphabet) {
  EmailMessage m = WelshInvitation();
  m.notification_id = "n1>@evil";
  EXPECT_EQ(RenderEmail(m).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(RenderEmail, RejectsAMalformedLanguageTag) {
  EmailMessage m = WelshInvitation();
  m.language_code = "cy\r\nX-Injected: 1";
  EXPECT_EQ(RenderEmail(m).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::invitations::delivery
