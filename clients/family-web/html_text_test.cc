#include "clients/family-web/html_text.h"

#include <gtest/gtest.h>

namespace fgc::family_web {
namespace {

TEST(EscapeHtml, EscapesEveryCharacterThatCouldEndTextOrAnAttribute) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST(Bdi, IsolatesEscapedWordsAndKeepsLineBreaks) {
  EXPECT_EQ(Bdi("Nan\r\n<Jo>"), "<bdi>Nan<br>&lt;Jo&gt;</bdi>");
}

TEST(Paragraphs, SplitsOnBlankLines) {
  EXPECT_EQ(Paragraphs("One\nline\n\nTwo", false), "<p>One<br>line</p><p>Two</p>");
  EXPECT_EQ(Paragraphs("A\r\n\r\nB", true), "<p><bdi>A</bdi></p><p><bdi>B</bdi></p>");
  EXPECT_EQ(Paragraphs("", true), "");
}

TEST(Hrefs, KeepOnlySafeSchemes) {
  EXPECT_EQ(TelHref("+44 1632 960000"), "tel:+441632960000");
  EXPECT_EQ(TelHref("call me"), "");
  EXPECT_EQ(MailtoHref("jo@example.org"), "mailto:jo@example.org");
  EXPECT_EQ(MailtoHref("jo@example.org?bcc=x@y"), "");
  EXPECT_EQ(HttpsHref("https://meet.example/r?a=1&b=2"), "https://meet.example/r?a=1&amp;b=2");
  EXPECT_EQ(HttpsHref("javascript:alert(1)"), "");
  EXPECT_EQ(HttpsHref("http://meet.example/"), "");
}

TEST(PercentEncode, KeepsPathCharactersAndEncodesTheRest) {
  EXPECT_EQ(PercentEncode("tenants/t/ledger/entries/7"), "tenants/t/ledger/entries/7");
  EXPECT_EQ(PercentEncode("a&b=c d"), "a%26b%3Dc%20d");
}

}  // namespace
}  // namespace fgc::family_web
