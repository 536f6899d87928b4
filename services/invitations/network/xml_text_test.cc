#include "services/invitations/network/xml_text.h"

#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

TEST(XmlEscaped, EscapesTheFiveMarkupCharacters) {
  EXPECT_EQ(XmlEscaped("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
}

TEST(XmlEscaped, KeepsWellFormedUtf8) {
  EXPECT_EQ(XmlEscaped("Zoë, Łukasz, 祖母, \xF0\x9F\x91\xB5"),
            "Zoë, Łukasz, 祖母, \xF0\x9F\x91\xB5");
}

TEST(XmlEscaped, ReplacesCharactersXmlForbids) {
  EXPECT_EQ(XmlEscaped(std::string("a\0b\x1b"
                                   "c\td",
                                   7)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c\td");
  EXPECT_EQ(XmlEscaped("\xEF\xBF\xBF"), "\xEF\xBF\xBD");  // U+FFFF
}

TEST(XmlEscaped, ReplacesMalformedUtf8) {
  for (const char* bad : {"\xff", "\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    EXPECT_EQ(XmlEscaped(bad).find_first_not_of("\xEF\xBF\xBD"), std::string::npos) << bad;
  }
}

TEST(Shortened, KeepsShortTextWhole) {
  EXPECT_EQ(Shortened("Nan", 5), "Nan");
  EXPECT_EQ(Shortened("Łukasz", 6), "Łukasz");
}

TEST(Shortened, CutsLongTextAtACharacterWithAnEllipsis) {
  EXPECT_EQ(Shortened("Grandmother", 5), "Gran\xE2\x80\xA6");
  EXPECT_EQ(Shortened("ŁŁŁŁŁŁ", 3), "ŁŁ\xE2\x80\xA6");
}

}  // namespace
}  // namespace fgc::invitations
