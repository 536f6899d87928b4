#include "clients/family-web/message_catalogue.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "absl/strings/match.h"
#include "clients/family-web/family_pages.h"

namespace fgc::family_web {
namespace {

std::set<std::string> Placeholders(std::string_view text) {
  std::set<std::string> names;
  const std::string copy(text);
  const std::regex placeholder(R"(\{[a-z]+\})");
  for (auto it = std::sregex_iterator(copy.begin(), copy.end(), placeholder);
       it != std::sregex_iterator(); ++it) {
    names.insert(it->str());
  }
  return names;
}

TEST(MessageCatalogue, EveryLanguageHasEveryEnglishKeyWithTheSamePlaceholders) {
  for (const std::string& language : SupportedLanguages()) {
    for (const CatalogueMessage& english : EnglishMessages()) {
      ASSERT_TRUE(HasMessage(language, english.key)) << language << " " << english.key;
      EXPECT_EQ(Placeholders(MessageText(language, english.key)), Placeholders(english.text))
          << language << " " << english.key;
    }
  }
}

TEST(MessageCatalogue, NoLanguageHasKeysEnglishLacks) {
  for (const std::string& language : SupportedLanguages()) {
    std::set<std::string_view> seen;
    for (const CatalogueMessage& message : MessagesFor(language)) {
      EXPECT_TRUE(HasMessage("en", message.key)) << language << " " << message.key;
      EXPECT_TRUE(seen.insert(message.key).second) << language << " twice: " << message.key;
      EXPECT_FALSE(message.text.empty()) << language << " " << message.key;
    }
  }
}

TEST(MessageCatalogue, HasEveryKeyTheFormsAndServerUse) {
  for (const char* key :
       {"error.answer.missing", "error.answer.refused", "error.views.missing",
        "error.views.too-long", "error.need.too-long", "error.interpreter-language.invalid",
        "error.slot.invalid", "error.slot.none", "withdraw.reason", "done.respond",
        "done.availability", "done.withdraw"}) {
    EXPECT_TRUE(HasMessage("en", key)) << key;
  }
}

TEST(MessageCatalogue, AnUnknownKeyShowsItself) {
  EXPECT_EQ(MessageText("cy", "no.such.key"), "no.such.key");
}

TEST(MessageCatalogue, EscapesTheTextButNotTheArguments) {
  EXPECT_EQ(MessageHtml("en", "answer.given", {{"answer", "<b>yes</b>"}}), "You said: <b>yes</b>");
  EXPECT_EQ(MessageHtml("en", "plan.link"), "Read your family&#39;s plan");
}

TEST(MessageCatalogue, NeverReadsAnArgumentAsAPlaceholder) {
  EXPECT_EQ(MessageHtml("en", "time.range", {{"date", "{start}"}, {"start", "1"}, {"end", "2"}}),
            "{start}, 1 to 2");
}

}  // namespace
}  // namespace fgc::family_web
