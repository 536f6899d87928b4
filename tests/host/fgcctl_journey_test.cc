// The coordinator's journey with fgcctl, end to end against a real `fgc serve`: a referrer
// refers Sam, the referral consent goes into the ledger, a coordinator is allocated, maps a
// network of eight with the family, invites them by hand (so the test holds the links), the
// family answers through their own tokens, the best time is suggested and booked at a neutral
// venue, the calendar is exported, and one member's participation is restricted.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"
#include "tests/support/run_command.h"
#include "tests/support/serving_host.h"
#include "tests/support/test_files.h"

namespace fgc {
namespace {

using testing::CommandResult;
using testing::ReadFile;
using testing::RunCommand;
using testing::WriteFile;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string kReferral = std::string(FGC_SOURCE_DIR) + "/docs/examples/referral.json";
const std::string kConsent = std::string(FGC_SOURCE_DIR) + "/docs/examples/consent.json";
constexpr char kTenant[] = "cli-journey";
constexpr char kJoinUrl[] = "https://meet.example.org/fgc-jones";
constexpr int kUnauthenticatedExit = 64 + 16;

// Who is in Sam's network: the member id, then `network add` flags.
const std::vector<std::pair<std::string, std::vector<std::string>>> kNetwork = {
    {"mother",
     {"--name", "Kim Jones", "--relationship", "Mum", "--role", "parental-responsibility",
      "--mobile", "+447700900123", "--language", "en"}},
    {"father",
     {"--name", "Lee Jones", "--relationship", "Dad", "--role", "parental-responsibility",
      "--email", "lee.jones@example.org"}},
    {"nan", {"--name", "Nain", "--relationship", "Nan", "--language", "cy"}},
    {"aunt",
     {"--name", "Grażyna", "--relationship", "Mum's sister", "--time-zone", "Europe/Warsaw",
      "--language", "pl", "--need", "interpreter:pl"}},
    {"friend", {"--name", "Mrs Patel", "--relationship", "family friend", "--role", "supporter"}},
    {"advocate", {"--name", "Jo Reed", "--relationship", "Sam's advocate", "--role", "advocate"}},
    {"teacher",
     {"--name", "Ms Okafor", "--relationship", "Sam's teacher", "--role", "professional",
      "--agency", "northshire-school"}},
};

class FgcctlJourney : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = new testing::ServingHost();
    ASSERT_TRUE(host_->serving()) << host_->process().Output();
  }
  static void TearDownTestSuite() { delete host_; }

  void SetUp() override {
    referrer_ = Token("referrer", "northshire-cs", "referrer-alex");
    coordinator_ = Token("coordinator", "fgc-service", "coord-chris");
  }

  std::string Token(const std::string& role, const std::string& agency, const std::string& sub) {
    auto r = RunCommand("fgcctl", {"dev", "token", "--role", role, "--agency", agency, "--sub", sub,
                                   "--tenant", kTenant, "--state-dir", host_->state_dir()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out.substr(0, r.out.find('\n'));
  }

  static CommandResult As(const std::string& token, std::vector<std::string> args) {
    return RunCommand("fgcctl", args, {{"FGC_ADDR", host_->address()}, {"FGC_TOKEN", token}});
  }

  // A family member's command: only their invitation token, no bearer token at all.
  CommandResult Family(const std::string& member, std::vector<std::string> args) {
    args.insert(args.begin(), "family");
    return RunCommand("fgcctl", args,
                      {{"FGC_ADDR", host_->address()}, {"FGC_INVITATION_TOKEN", links_[member]}});
  }

  static nlohmann::json Json(const CommandResult& r) {
    auto out = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_FALSE(out.is_discarded()) << r.out << r.err;
    return out.is_discarded() ? nlohmann::json::object() : out;
  }

  static std::string Path(const std::string& name) { return host_->dir() + "/" + name; }

  // Days from today at `hour`:00 UTC, RFC 3339.
  static std::string DayAt(int days, int hour) {
    const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
    return absl::FormatTime(
        "%Y-%m-%dT%H:%M:%SZ",
        absl::FromCivil(absl::CivilHour(today + days) + hour, absl::UTCTimeZone()),
        absl::UTCTimeZone());
  }

  std::string Member(const std::string& id) const { return conference_ + "/members/" + id; }

  void Refer() {
    auto r = As(referrer_, {"conference", "create", "--tenant", kTenant, "--from", kReferral,
                            "--id", "jones", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json conference = Json(r)["conference"];
    conference_ = conference["name"];
    child_ = conference["children"][0]["name"];
    EXPECT_EQ(conference["stage"], "STAGE_REFERRAL");
  }

  // docs/examples/consent.json for Sam, given by Kim (the member `mother` added below).
  void RecordConsent() {
    auto consent = nlohmann::json::parse(ReadFile(kConsent));
    consent["conference"] = conference_;
    consent["subject"] = child_;
    consent["consent"]["grantor"]["member"] = Member("mother");
    consent["consent"]["grantor"]["display_name"] = "Kim Jones";
    WriteFile(Path("consent.json"), consent.dump(1));
    auto r = As(referrer_, {"ledger", "record-consent", "--tenant", kTenant, "--file",
                            Path("consent.json"), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    consent_entry_ = Json(r)["entry"]["name"];
  }

  void Allocate() {
    auto r = As(coordinator_, {"conference", "transition", conference_, "--to", "preparation",
                               "--coordinator", "coord-chris", "--coordinator-name", "Chris Lee",
                               "--coordinator-agency", "fgc-service"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(Contains(r.out, "stage: preparation")) << r.out;
    auto overdue =
        As(coordinator_, {"conference", "overdue", "--tenant", kTenant, "--as-of", DayAt(120, 0)});
    ASSERT_EQ(overdue.exit_code, 0) << overdue.err;
    EXPECT_TRUE(Contains(overdue.out, conference_ + "\tpreparation\tChris Lee")) << overdue.out;
  }

  void CreateVenue() {
    auto r = As(coordinator_, {"venue",
                               "create",
                               "--tenant",
                               kTenant,
                               "--id",
                               "riverside",
                               "--name",
                               "Riverside Family Centre",
                               "--address-line",
                               "1 River Street",
                               "--locality",
                               "Northtown",
                               "--region",
                               "GB",
                               "--time-zone",
                               "Europe/London",
                               "--capacity",
                               "20",
                               "--neutral",
                               "--feature",
                               "step-free-access",
                               "--feature",
                               "private-family-room"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(Contains(r.out, "Riverside Family Centre  (neutral)")) << r.out;
    auto list = As(coordinator_, {"venue", "list", "--tenant", kTenant});
    EXPECT_TRUE(Contains(list.out, "tenants/cli-journey/venues/riverside\tRiverside")) << list.out;
  }

  void MapTheNetwork() {
    auto sam = As(coordinator_, {"network", "add", conference_, "--id", "sam", "--name", "Sam",
                                 "--relationship", "Sam", "--role", "child", "--child", child_});
    ASSERT_EQ(sam.exit_code, 0) << sam.err;
    for (const auto& [id, flags] : kNetwork) {
      std::vector<std::string> args = {"network", "add", conference_, "--id", id};
      args.insert(args.end(), flags.begin(), flags.end());
      auto r = As(coordinator_, args);
      ASSERT_EQ(r.exit_code, 0) << id << ": " << r.err;
    }
    auto list = As(coordinator_, {"network", "list", conference_, "--all", "--json"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(Json(list)["members"].size(), 8u) << list.out;
    auto aunt = As(coordinator_, {"network", "get", "aunt", "--conference", conference_});
    EXPECT_TRUE(Contains(aunt.out, "interpreter (pl)")) << aunt.out << aunt.err;
    auto map = As(coordinator_, {"network", "map", conference_, "--out", Path("network.svg")});
    EXPECT_EQ(map.exit_code, 0) << map.err;
    EXPECT_TRUE(Contains(ReadFile(Path("network.svg")), "<svg")) << map.out;
  }

  // Everyone but the teacher is invited by hand; the test keeps each link's token.
  void Invite() {
    for (const std::string id : {"sam", "mother", "father", "nan", "aunt", "friend", "advocate"}) {
      auto r = As(coordinator_, {"invitation", "send", Member(id), "--channel", "by-hand",
                                 "--message", "We would love you to come", "--json"});
      ASSERT_EQ(r.exit_code, 0) << id << ": " << r.err;
      const nlohmann::json sent = Json(r);
      const std::string url = sent.value("invitationUrl", "");
      ASSERT_TRUE(Contains(url, "/i/")) << r.out;
      links_[id] = url;
      invitations_[id] = sent["invitation"].value("name", "");
    }
    // Nan's letter went astray: a resend prints a new link and the old one stops working.
    auto resent = As(coordinator_, {"invitation", "resend", invitations_["nan"]});
    ASSERT_EQ(resent.exit_code, 0) << resent.err;
    EXPECT_TRUE(Contains(resent.out, "SECRET by-hand link")) << resent.out;
    const std::string old_link = links_["nan"];
    const size_t at = resent.out.find("https://");
    ASSERT_NE(at, std::string::npos) << resent.out;
    links_["nan"] = resent.out.substr(at, resent.out.find('\n', at) - at);
    EXPECT_NE(links_["nan"], old_link);
    links_["old"] = old_link;
    EXPECT_EQ(Family("old", {"invitation"}).exit_code, kUnauthenticatedExit);
    auto list = As(coordinator_, {"invitation", "list", conference_, "--json"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(Json(list)["invitations"].size(), 7u) << list.out;
  }

  void ProposeSlots() {
    auto r =
        As(coordinator_, {"slots", "propose", conference_, "--at", DayAt(20, 10) + "/4h", "--at",
                          DayAt(21, 10) + "/4h", "--at", DayAt(22, 10) + "/4h", "--venue",
                          "riverside", "--remote", "--deadline", DayAt(15, 17), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json proposed = Json(r);
    for (const auto& slot : proposed["slots"]) slots_.push_back(slot["name"]);
    ASSERT_EQ(slots_.size(), 3u) << r.out;
  }

  // Kim cannot make the first time and Lee not the third: only the second keeps both.
  void FamilyAnswers() {
    auto mine = Family("mother", {"invitation"});
    ASSERT_EQ(mine.exit_code, 0) << mine.err;
    EXPECT_TRUE(Contains(mine.out, "Sam Jones")) << mine.out;
    EXPECT_TRUE(Contains(mine.out, "Chris Lee")) << mine.out;
    const std::map<std::string, std::vector<std::string>> answers = {
        {"mother", {"--answer", "in-person", "--need", "childcare:for the baby"}},
        {"father", {"--answer", "in-person"}},
        {"sam", {"--answer", "in-person"}},
        {"aunt", {"--answer", "remote", "--need", "interpreter:pl"}},
        {"nan", {"--answer", "views-only", "--views", "Sam should stay with his mum."}},
        {"friend", {"--answer", "not-able"}}};
    for (const auto& [id, flags] : answers) {
      std::vector<std::string> args = {"respond"};
      args.insert(args.end(), flags.begin(), flags.end());
      auto r = Family(id, args);
      EXPECT_EQ(r.exit_code, 0) << id << ": " << r.err;
      EXPECT_TRUE(Contains(r.out, "answered ")) << r.out;
    }
    const std::map<std::string, std::vector<std::string>> times = {
        {"mother", {slots_[0] + "=no", slots_[1] + "=yes", slots_[2] + "=if-need-be"}},
        {"father", {slots_[0] + "=yes", slots_[1] + "=yes", slots_[2] + "=no"}},
        {"sam", {slots_[0] + "=yes", slots_[1] + "=yes", slots_[2] + "=yes"}},
        {"aunt", {slots_[1] + "=yes:remote"}}};
    for (const auto& [id, answered] : times) {
      std::vector<std::string> args = {"availability"};
      for (const std::string& a : answered) args.insert(args.end(), {"--answer", a});
      auto r = Family(id, args);
      EXPECT_EQ(r.exit_code, 0) << id << ": " << r.err;
    }
    auto slots = Family("mother", {"slots"});
    EXPECT_EQ(slots.exit_code, 0) << slots.err;
    EXPECT_TRUE(Contains(slots.out, "(3 slots)")) << slots.out;
    auto staff = As(coordinator_,
                    {"availability", "record", Member("advocate"), "--answer", slots_[1] + "=yes"});
    EXPECT_EQ(staff.exit_code, 0) << staff.err;
  }

  void SuggestAndBook() {
    auto suggest = As(coordinator_, {"slots", "suggest", conference_, "--json"});
    ASSERT_EQ(suggest.exit_code, 0) << suggest.err;
    const nlohmann::json best = Json(suggest)["suggestions"][0];
    EXPECT_EQ(best["slot"]["name"], slots_[1]) << suggest.out;
    auto human = As(coordinator_, {"slots", "suggest", conference_});
    EXPECT_TRUE(Contains(human.out, "#1  " + slots_[1])) << human.out;

    auto book = As(coordinator_, {"booking", "book", conference_, "--slot", slots_[1], "--join-url",
                                  kJoinUrl, "--json"});
    ASSERT_EQ(book.exit_code, 0) << book.err;
    const nlohmann::json conference = Json(book)["conference"];
    EXPECT_EQ(conference["stage"], "STAGE_BOOKED");
    calendar_uid_ = conference["booking"].value("calendarUid", "");
    EXPECT_FALSE(calendar_uid_.empty()) << book.out;
  }

  void ExportCalendars() {
    auto r = As(coordinator_, {"calendar", "export", conference_, "--out", Path("jones.ics")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string ics = ReadFile(Path("jones.ics"));
    for (const std::string& line :
         {std::string("METHOD:REQUEST\r\n"), std::string("BEGIN:VTIMEZONE\r\n"),
          "UID:" + calendar_uid_ + "\r\n"}) {
      EXPECT_TRUE(Contains(ics, line)) << line << " missing from\n" << ics;
    }
    // The aunt joins from Warsaw: her own copy carries the joining details; Kim's does not.
    auto aunt = Family("aunt", {"calendar", "--out", Path("aunt.ics")});
    EXPECT_EQ(aunt.exit_code, 0) << aunt.err;
    EXPECT_TRUE(Contains(ReadFile(Path("aunt.ics")), kJoinUrl)) << ReadFile(Path("aunt.ics"));
    auto mother = Family("mother", {"calendar"});
    EXPECT_EQ(mother.exit_code, 0) << mother.err;
    EXPECT_TRUE(Contains(mother.out, "UID:" + calendar_uid_)) << mother.out;
    EXPECT_FALSE(Contains(mother.out, kJoinUrl)) << mother.out;
  }

  // Lee may attend information sharing and the plan, not private family time.
  void Restrict() {
    auto r =
        As(coordinator_,
           {"restrict",
            Member("father"),
            "--kind",
            "part-attendance",
            "--may-attend",
            "information-sharing",
            "--may-attend",
            "plan-agreement",
            "--reasons",
            "Kim has asked to speak without Lee present during family time",
            "--statute",
            "Children Act 1989",
            "--section",
            "s.47",
            "--jurisdiction",
            "GB-ENG",
            "--review-by",
            absl::FormatTime("%Y-%m-%d", absl::Now() + absl::Hours(24 * 60), absl::UTCTimeZone()),
            "--alternative",
            "Lee can give his views to the coordinator before family time",
            "--authorised-by",
            "mgr-ash,Ash Patel,fgc-service",
            "--told",
            "in-person",
            "--told-by",
            "Chris Lee",
            "--member-notice",
            "You are welcome at the start and the end of the meeting."});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(Contains(r.out, "restriction   part-attendance")) << r.out;
    EXPECT_TRUE(Contains(r.out, "ledger entry  tenants/cli-journey/ledger/entries/")) << r.out;
    auto lee = Family("father", {"invitation"});
    EXPECT_EQ(lee.exit_code, 0) << lee.err;
    EXPECT_TRUE(Contains(lee.out, "You are welcome at the start")) << lee.out;
    EXPECT_FALSE(Contains(lee.out, "Kim has asked")) << lee.out;
  }

  // Kim reads her own record and withdraws the consent she gave, as easily as she gave it.
  void FamilyRecord() {
    auto record = Family("mother", {"record"});
    ASSERT_EQ(record.exit_code, 0) << record.err;
    EXPECT_TRUE(Contains(record.out, "you may withdraw " + consent_entry_)) << record.out;
    auto withdraw = Family("mother", {"withdraw-consent", consent_entry_});
    ASSERT_EQ(withdraw.exit_code, 0) << withdraw.err;
    EXPECT_TRUE(Contains(withdraw.out, "CONSENT_WITHDRAWN")) << withdraw.out;
  }

  static testing::ServingHost* host_;
  std::string referrer_;
  std::string coordinator_;
  std::string conference_;
  std::string child_;
  std::string consent_entry_;
  std::map<std::string, std::string> links_;        // member id -> link (the token inside)
  std::map<std::string, std::string> invitations_;  // member id -> invitation name
  std::vector<std::string> slots_;
  std::string calendar_uid_;
};

testing::ServingHost* FgcctlJourney::host_ = nullptr;

TEST_F(FgcctlJourney, ACoordinatorTakesAReferralToABookedConferenceWithTheFamilyInvited) {
  ASSERT_NO_FATAL_FAILURE(Refer());
  ASSERT_NO_FATAL_FAILURE(RecordConsent());
  ASSERT_NO_FATAL_FAILURE(Allocate());
  ASSERT_NO_FATAL_FAILURE(CreateVenue());
  ASSERT_NO_FATAL_FAILURE(MapTheNetwork());
  ASSERT_NO_FATAL_FAILURE(Invite());
  ASSERT_NO_FATAL_FAILURE(ProposeSlots());
  EXPECT_NO_FATAL_FAILURE(FamilyAnswers());
  EXPECT_NO_FATAL_FAILURE(SuggestAndBook());
  EXPECT_NO_FATAL_FAILURE(ExportCalendars());
  EXPECT_NO_FATAL_FAILURE(Restrict());
  EXPECT_NO_FATAL_FAILURE(FamilyRecord());
}

}  // namespace
}  // namespace fgc
