#include "services/ledger/entry/leaf_data.h"

#include <iterator>
#include <random>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/ledger/entry/entry_time.h"
#include "services/ledger/entry/test_entries.h"

namespace fgc::ledger {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::util::MessageDifferencer;

std::string Canonical(const v1::LedgerEntry& entry) {
  auto bytes = CanonicalLeafData(entry);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.ok() ? *bytes : "";
}

v1::LedgerEntry GoldenConsent() {
  v1::LedgerEntry entry;
  entry.set_name("tenants/t1/ledger/entries/7");
  entry.set_index(7);
  entry.set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN);
  entry.set_conference(testing::kConference);
  entry.set_subject(testing::kSubject);
  entry.set_decision("Mum agreed");
  entry.mutable_occur_time()->set_seconds(1740819600);
  entry.mutable_record_time()->set_seconds(1740823200);
  entry.mutable_record_time()->set_nanos(250000000);
  v1::ConsentDetails* consent = entry.mutable_consent();
  consent->mutable_grantor()->set_member(testing::kMother);
  consent->mutable_grantor()->set_display_name("Sam");
  consent->add_grantees()->set_agency("fgc-service");
  consent->set_purpose(v1::CONSENT_PURPOSE_CONTACT_NETWORK);
  consent->add_data_categories(v1::DATA_CATEGORY_IDENTITY);
  consent->add_data_categories(v1::DATA_CATEGORY_HEALTH);
  consent->set_collection_method(v1::COLLECTION_METHOD_WRITTEN);
  consent->set_language_code("en");
  consent->set_notice_version("n/1");
  consent->set_interpreter_used(true);
  entry.set_leaf_hash(std::string(32, '\x01'));
  return entry;
}

constexpr char kGoldenConsent[] =
    R"({"_v":"fgc-ledger-entry/1","conference":"tenants/t1/conferences/c1","consent":{)"
    R"("collection_method":"COLLECTION_METHOD_WRITTEN","data_categories":[)"
    R"("DATA_CATEGORY_IDENTITY","DATA_CATEGORY_HEALTH"],"grantees":[{"agency":"fgc-service"}],)"
    R"("grantor":{"display_name":"Sam","member":"tenants/t1/conferences/c1/members/mother"},)"
    R"("interpreter_used":true,"language_code":"en","notice_version":"n/1",)"
    R"("purpose":"CONSENT_PURPOSE_CONTACT_NETWORK"},"decision":"Mum agreed","index":"7",)"
    R"("kind":"LEDGER_ENTRY_KIND_CONSENT_GIVEN","name":"tenants/t1/ledger/entries/7",)"
    R"("occur_time":"2025-03-01T09:00:00Z","record_time":"2025-03-01T10:00:00.250000000Z",)"
    R"("subject":"tenants/t1/conferences/c1/children/k1"})";

TEST(CanonicalLeafData, MatchesTheDocumentedBytesForAConsent) {
  EXPECT_EQ(Canonical(GoldenConsent()), kGoldenConsent);
}

TEST(CanonicalLeafData, MatchesTheDocumentedBytesForAPowerUse) {
  v1::LedgerEntry entry;
  entry.set_name("tenants/t1/ledger/entries/0");  // index 0 is the default: absent
  entry.set_kind(v1::LEDGER_ENTRY_KIND_POWER_USED);
  entry.set_decision("d\n");
  v1::PowerDetails* power = entry.mutable_power();
  power->set_power(v1::POWER_KIND_PROCEED_WITHOUT_CONSENT);
  power->mutable_legal_basis()->set_statute("Children Act 1989");
  power->mutable_legal_basis()->set_section("s.47");
  power->set_reasons("a\"b");
  power->mutable_family_told()->set_told(true);
  power->mutable_review_date()->set_year(2025);
  power->mutable_review_date()->set_month(6);
  power->mutable_review_date()->set_day(1);
  power->set_overridden_purpose(v1::CONSENT_PURPOSE_CONTACT_NETWORK);
  EXPECT_EQ(Canonical(entry),
            R"({"_v":"fgc-ledger-entry/1","decision":"d\n","kind":"LEDGER_ENTRY_KIND_POWER_USED",)"
            R"("name":"tenants/t1/ledger/entries/0","power":{"family_told":{"told":true},)"
            R"("legal_basis":{"section":"s.47","statute":"Children Act 1989"},)"
            R"("overridden_purpose":"CONSENT_PURPOSE_CONTACT_NETWORK",)"
            R"("power":"POWER_KIND_PROCEED_WITHOUT_CONSENT","reasons":"a\"b",)"
            R"("review_date":{"day":1,"month":6,"year":2025}}})");
}

TEST(CanonicalLeafData, WritesAnEmptyMessageThatIsPresent) {
  v1::LedgerEntry entry;
  entry.mutable_actor();
  EXPECT_EQ(Canonical(entry), R"({"_v":"fgc-ledger-entry/1","actor":{}})");
}

TEST(CanonicalLeafData, WritesAnUnknownEnumNumberAsANumber) {
  v1::LedgerEntry entry;
  entry.set_kind(static_cast<v1::LedgerEntryKind>(-12));
  EXPECT_EQ(Canonical(entry), R"({"_v":"fgc-ledger-entry/1","kind":-12})");
}

TEST(CanonicalLeafData, LeavesOutWhatIsNotHashed) {
  v1::LedgerEntry entry = GoldenConsent();
  entry.set_leaf_data("anything");
  entry.set_leaf_hash("anything else");
  entry.set_erased(true);
  *entry.mutable_erase_time() = ToTimestamp(testing::TestNow());
  EXPECT_EQ(Canonical(entry), kGoldenConsent);
}

TEST(CanonicalLeafData, RefusesTextThatIsNotUtf8) {
  v1::LedgerEntry entry = GoldenConsent();
  entry.set_decision("\xc3");
  EXPECT_EQ(CanonicalLeafData(entry).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(CanonicalLeafData, RefusesATimeRfc3339CannotWrite) {
  v1::LedgerEntry entry = GoldenConsent();
  entry.mutable_occur_time()->set_seconds(kMaxTimestampSeconds + 1);
  EXPECT_EQ(CanonicalLeafData(entry).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ParseLeafData, ReadsTheDocumentedBytes) {
  auto entry = ParseLeafData(kGoldenConsent);
  ASSERT_TRUE(entry.ok()) << entry.status();
  v1::LedgerEntry expected = GoldenConsent();
  expected.clear_leaf_hash();
  EXPECT_TRUE(MessageDifferencer::Equals(*entry, expected)) << entry->DebugString();
}

TEST(ParseLeafData, RefusesEveryOtherSpellingOfTheSameEntry) {
  const std::string golden = kGoldenConsent;
  const std::vector<std::string> others = {
      golden + "\n",
      " " + golden,
      absl::StrReplaceAll(golden, {{R"("decision":)", R"("decision": )"}}),
      absl::StrReplaceAll(golden, {{R"("index":"7",)", ""},
                                   {R"("kind":"LEDGER_ENTRY_KIND_CONSENT_GIVEN",)",
                                    R"("kind":"LEDGER_ENTRY_KIND_CONSENT_GIVEN","index":"7",)"}}),
      absl::StrReplaceAll(golden, {{R"("index":"7")", R"("index":7)"}}),
      absl::StrReplaceAll(golden, {{R"("index":"7")", R"("index":"07")"}}),
      absl::StrReplaceAll(golden, {{"Mum agreed", R"(Mum \u0061greed)"}}),
      absl::StrReplaceAll(golden, {{R"("decision")", R"("decision":"x","decision")"}}),
      absl::StrReplaceAll(golden, {{R"("interpreter_used":true,)",
                                    R"("interpreter_used":true,"interpreter_used":true,)"}}),
      absl::StrReplaceAll(golden, {{"10:00:00.250000000Z", "10:00:00.25Z"}}),
      absl::StrReplaceAll(golden, {{R"("decision")", R"("erased":true,"decision")"}}),
      absl::StrReplaceAll(golden, {{R"("decision")", R"("leaf_hash":"AQ==","decision")"}}),
  };
  for (const std::string& other : others) {
    ASSERT_NE(other, golden);
    EXPECT_EQ(ParseLeafData(other).status().code(), absl::StatusCode::kInvalidArgument) << other;
  }
}

TEST(ParseLeafData, RefusesDefaultValuesWrittenOut) {
  EXPECT_FALSE(ParseLeafData(R"({"_v":"fgc-ledger-entry/1","index":"0"})").ok());
  EXPECT_FALSE(ParseLeafData(R"({"_v":"fgc-ledger-entry/1","erased":false})").ok());
  EXPECT_FALSE(ParseLeafData(R"({"_v":"fgc-ledger-entry/1","decision":""})").ok());
  EXPECT_FALSE(ParseLeafData(R"({"_v":"fgc-ledger-entry/1","power":{"affected":[]}})").ok());
}

TEST(ParseLeafData, RefusesOtherVersionsAndShapes) {
  for (const char* text :
       {"", "[]", "{}", "not json", R"({"_v":"fgc-ledger-entry/2"})", R"({"_v":1})",
        R"({"_v":"fgc-ledger-entry/1","colour":"red"})",
        R"({"_v":"fgc-ledger-entry/1","kind":"KIND_NOT_IN_THE_PROTO"})",
        R"({"_v":"fgc-ledger-entry/1","kind":1.5})", R"({"_v":"fgc-ledger-entry/1","consent":"x"})",
        R"({"_v":"fgc-ledger-entry/1","leaf_data":"AQ=="})"}) {
    EXPECT_FALSE(ParseLeafData(text).ok()) << text;
  }
}

TEST(ParseLeafData, NoByteIsIgnored) {
  auto sealed = testing::FullPower();
  const std::string bytes = Canonical(sealed);
  const v1::LedgerEntry original = *ParseLeafData(bytes);
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string flipped = bytes;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
    auto parsed = ParseLeafData(flipped);
    EXPECT_TRUE(!parsed.ok() || !MessageDifferencer::Equals(*parsed, original)) << "byte " << i;
  }
}

// Random entries: every field of every message set or not at random, with strings full of
// characters JSON must escape and characters it must not.
class RandomEntries {
 public:
  explicit RandomEntries(uint64_t seed) : random_(seed) {}

  v1::LedgerEntry Next() {
    v1::LedgerEntry entry;
    Fill(&entry);
    return entry;
  }

 private:
  bool Coin() { return random_() % 2 == 0; }
  int Below(int n) { return static_cast<int>(random_() % static_cast<uint64_t>(n)); }

  std::string Text() {
    static const char* const kPieces[] = {"a",
                                          "Z",
                                          " ",
                                          "\"",
                                          "\\",
                                          "/",
                                          "\n",
                                          "\t",
                                          "\b",
                                          "\f",
                                          "\r",
                                          "\x01",
                                          "\x1f",
                                          "\x7f",
                                          "\xc3\xa9",
                                          "\xe2\x82\xac",
                                          "\xe2\x80\xa8",
                                          "\xef\xbf\xbf",
                                          "\xf0\x9f\x91\xaa",
                                          "<",
                                          "'"};
    std::string text;
    const int length = Below(12);
    for (int i = 0; i < length; ++i) text += kPieces[Below(std::size(kPieces))];
    if (Below(8) == 0) text += std::string(1, '\0');
    return text;
  }

  void FillTimestamp(Message* message) {
    auto* timestamp = static_cast<google::protobuf::Timestamp*>(message);
    const auto span = static_cast<uint64_t>(kMaxTimestampSeconds - kMinTimestampSeconds);
    timestamp->set_seconds(kMinTimestampSeconds + static_cast<int64_t>(random_() % (span + 1)));
    timestamp->set_nanos(Coin() ? 0 : Below(1'000'000'000));
  }

  void SetOne(Message* message, const FieldDescriptor* field) {
    const auto* r = message->GetReflection();
    const bool rep = field->is_repeated();
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32: {
        const auto v = static_cast<int32_t>(random_());
        rep ? r->AddInt32(message, field, v) : r->SetInt32(message, field, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_INT64: {
        const auto v = static_cast<int64_t>(random_());
        rep ? r->AddInt64(message, field, v) : r->SetInt64(message, field, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_BOOL:
        rep ? r->AddBool(message, field, Coin()) : r->SetBool(message, field, Coin());
        break;
      case FieldDescriptor::CPPTYPE_ENUM: {
        const auto* type = field->enum_type();
        const int v =
            Below(6) == 0 ? 1000 + Below(50) : type->value(Below(type->value_count()))->number();
        rep ? r->AddEnumValue(message, field, v) : r->SetEnumValue(message, field, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string v = Text();
        rep ? r->AddString(message, field, v) : r->SetString(message, field, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        Message* child = rep ? r->AddMessage(message, field) : r->MutableMessage(message, field);
        if (field->message_type()->full_name() == "google.protobuf.Timestamp") {
          FillTimestamp(child);
        } else {
          Fill(child);
        }
        break;
      }
      default:
        FAIL() << "ledger entries have no field of type " << field->type_name();
    }
  }

  void Fill(Message* message) {
    const auto* type = message->GetDescriptor();
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      if (!Coin()) continue;
      const int count = field->is_repeated() ? 1 + Below(3) : 1;
      for (int k = 0; k < count; ++k) SetOne(message, field);
    }
  }

  std::mt19937_64 random_;
};

TEST(LeafData, RandomEntriesRoundTripExactly) {
  RandomEntries random(20250301);
  for (int i = 0; i < 2000; ++i) {
    v1::LedgerEntry entry = random.Next();
    const std::string bytes = Canonical(entry);
    ASSERT_TRUE(absl::StartsWith(bytes, R"({"_v":"fgc-ledger-entry/1")")) << bytes;
    auto parsed = ParseLeafData(bytes);
    ASSERT_TRUE(parsed.ok()) << parsed.status() << "\n" << bytes;
    EXPECT_EQ(Canonical(*parsed), bytes);
    entry.clear_leaf_data();
    entry.clear_leaf_hash();
    entry.clear_erased();
    entry.clear_erase_time();
    EXPECT_TRUE(MessageDifferencer::Equals(*parsed, entry)) << bytes;
  }
}

}  // namespace
}  // namespace fgc::ledger
