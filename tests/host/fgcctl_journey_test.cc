// The coordinator's journey with fgcctl, end to end against a real `fgc serve`: a referrer
// refers Sam, the referral consent goes into the ledger, a coordinator is allocated, maps a
// network of eight with the family, invites them by hand (so the test holds the links), the
// family answers through their own tokens, the best time is suggested and booked at a neutral
// venue, the calendar is exported, and one member's participation is restricted. Then the
// conference is held: the family's plan is written, submitted, agreed by a member and accepted by
// the referrer (the review is scheduled), a resource is declined as a recorded use of power,
// progress is recorded, and the plan is distributed, once consent stands, to the family, who read
// it with their own links.
#include <gtest/gtest.h>

#include <map>
#include <set>
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
    bottom_line_ = conference["referral"]["bottomLines"][0].value("bottomLineId", "");
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

  // The conference is held up to the moment the family presents its plan.
  void HoldTheConference() {
    for (const std::string stage :
         {"information-sharing", "private-family-time", "plan-agreement"}) {
      auto r = As(coordinator_, {"conference", "transition", conference_, "--to", stage});
      ASSERT_EQ(r.exit_code, 0) << stage << ": " << r.err;
    }
  }

  // The family writes its plan in private family time; the coordinator types it in.
  void WriteThePlan() {
    nlohmann::json draft = {
        {"family_words", "We will keep Sam safe at night and get him to school every day."},
        {"items",
         {{{"item_id", "nights"},
           {"what", "Nain stays with Sam on the nights Kim works"},
           {"who", "Nain"},
           {"how_we_will_know", "Nain texts Kim at 9pm"},
           {"bottom_line_ids", {bottom_line_}}},
          {{"item_id", "school"}, {"what", "Lee walks Sam to school"}, {"timing", "weekdays"}}}},
        {"bottom_line_responses",
         {{{"bottom_line_id", bottom_line_},
           {"response", "Someone from the family is with Sam every night."},
           {"item_ids", {"nights"}}}}},
        {"review_date", {{"year", ReviewYear()}, {"month", 3}, {"day", 1}}},
        {"language_code", "en"}};
    WriteFile(Path("draft.json"), draft.dump(1));
    auto created = As(coordinator_, {"plan", "create", "--conference", conference_, "--from",
                                     Path("draft.json"), "--json"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    plan_ = Json(created)["plan"]["name"];
    EXPECT_EQ(plan_, conference_ + "/plans/plan");
    auto updated = As(coordinator_, {"plan", "update", plan_, "--set",
                                     "contingency=If Nain is ill, Aunt Grażyna's friend stays"});
    ASSERT_EQ(updated.exit_code, 0) << updated.err;
    // The referrer reads the plan but may not write the family's words.
    auto refused = As(referrer_, {"plan", "update", plan_, "--set", "contingency=Foster care"});
    EXPECT_EQ(refused.exit_code, 64 + 7) << refused.out << refused.err;
    auto submitted = As(coordinator_, {"plan", "submit", plan_, "--json"});
    ASSERT_EQ(submitted.exit_code, 0) << submitted.err;
    version_ = Json(submitted)["planVersion"]["name"];
    EXPECT_EQ(version_, plan_ + "/versions/1");
  }

  // Kim agrees; the referrer accepts the plan; the conference moves on and the review is set.
  void AgreeThePlan() {
    auto kim = As(coordinator_,
                  {"plan", "decide", version_, "--member", "mother", "--agreement", "agree"});
    ASSERT_EQ(kim.exit_code, 0) << kim.err;
    auto accepted = As(referrer_, {"plan", "referrer-decision", version_, "--outcome", "accept",
                                   "--comments", "A good plan; Kim has our number"});
    ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
    auto conference = As(coordinator_, {"conference", "get", conference_, "--json"});
    ASSERT_EQ(conference.exit_code, 0) << conference.err;
    const nlohmann::json c = Json(conference)["conference"];
    EXPECT_EQ(c["stage"], "STAGE_FOLLOW_UP");
    ASSERT_EQ(c["reviews"].size(), 1u) << conference.out;
    EXPECT_EQ(c["reviews"][0]["planVersion"], version_);
    auto plan = As(coordinator_, {"plan", "get", plan_});
    EXPECT_TRUE(Contains(plan.out, "agreed")) << plan.out;
    // The review date drives the overdue list: a week after it, the review is overdue.
    const std::string after_review = absl::StrCat(ReviewYear(), "-03-08T12:00:00Z");
    auto overdue =
        As(coordinator_, {"conference", "overdue", "--tenant", kTenant, "--as-of", after_review});
    ASSERT_EQ(overdue.exit_code, 0) << overdue.err;
    EXPECT_TRUE(Contains(overdue.out, conference_ + "\tfollow-up")) << overdue.out;
    EXPECT_TRUE(Contains(overdue.out, "review")) << overdue.out;
  }

  // The family asks for a bus pass; the referrer's manager declines it, a recorded use of power.
  void DeclineAResource() {
    auto asked = As(coordinator_,
                    {"plan", "resource", "request", plan_, "--description", "A bus pass for Lee",
                     "--item", "school", "--cost", "120.50", "--currency", "GBP", "--json"});
    ASSERT_EQ(asked.exit_code, 0) << asked.err;
    const std::string request = Json(asked)["resourceRequest"]["name"];
    auto declined =
        As(referrer_, {"plan", "resource", "decide", request, "--outcome", "decline", "--reasons",
                       "The school bus covers Sam's route", "--decider-name", "Ash Patel",
                       "--authority-level", "Team manager", "--statute", "Children Act 1989",
                       "--section", "s.17", "--told", "at-conference", "--json"});
    ASSERT_EQ(declined.exit_code, 0) << declined.err;
    const nlohmann::json decided = Json(declined)["resourceRequest"];
    EXPECT_EQ(decided["state"], "RESOURCE_REQUEST_STATE_DECLINED");
    const std::string entry = decided["decision"].value("ledgerEntry", "");
    auto recorded = As(referrer_, {"ledger", "get", "--entry", entry, "--tenant", kTenant});
    EXPECT_EQ(recorded.exit_code, 0) << recorded.err;
    EXPECT_TRUE(Contains(recorded.out, "DECLINE_RESOURCE") ||
                Contains(recorded.out, "decline-resource"))
        << recorded.out;
  }

  void RecordProgress() {
    auto r = As(coordinator_,
                {"plan", "progress", plan_, "--item", "nights", "--status", "in-progress",
                 "--reported-by", "Kim", "--note", "Nain has stayed every night Kim worked"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // Kim consents to the plan going to the family and Sam's teacher; it is distributed, and the
  // family read it with their own links.
  void DistributeThePlan() {
    auto early = As(coordinator_, {"plan", "distribute", version_});
    EXPECT_EQ(early.exit_code, 64 + 9) << early.out << early.err;
    auto consent = nlohmann::json::parse(ReadFile(kConsent));
    consent["conference"] = conference_;
    consent["subject"] = child_;
    consent["decision"] = "Kim agreed the plan may go to the family and Sam's teacher";
    consent["consent"]["grantor"]["member"] = Member("mother");
    consent["consent"]["grantor"]["display_name"] = "Kim Jones";
    consent["consent"]["purpose"] = "CONSENT_PURPOSE_DISTRIBUTE_PLAN";
    consent["consent"]["notice_version"] = "plan-consent/en/2025-01";
    WriteFile(Path("plan-consent.json"), consent.dump(1));
    auto consented = As(coordinator_, {"ledger", "record-consent", "--tenant", kTenant, "--file",
                                       Path("plan-consent.json")});
    ASSERT_EQ(consented.exit_code, 0) << consented.err;
    auto sent = As(coordinator_, {"plan", "distribute", version_, "--professional",
                                  "Ms Okafor <okafor@northshire-school.example.org>", "--json"});
    ASSERT_EQ(sent.exit_code, 0) << sent.err;
    const nlohmann::json distributed = Json(sent);
    // Kim (a mobile) and Lee (an email) are reached by the outbox; Sam, Nain, Grażyna, Mrs Patel
    // and Jo gave no contact, so they are listed to be handed it; the teacher is a professional.
    std::set<std::string> unreachable;
    for (const auto& member : distributed["unreachableMembers"]) unreachable.insert(member);
    EXPECT_EQ(unreachable, (std::set<std::string>{Member("sam"), Member("nan"), Member("aunt"),
                                                  Member("friend"), Member("advocate")}))
        << sent.out;
    EXPECT_TRUE(Contains(sent.out, "okafor@northshire-school.example.org")) << sent.out;
    auto kim = Family("mother", {"plan"});
    ASSERT_EQ(kim.exit_code, 0) << kim.err;
    EXPECT_TRUE(Contains(kim.out, "Nain stays with Sam on the nights Kim works")) << kim.out;
    EXPECT_TRUE(Contains(kim.out, "in progress") || Contains(kim.out, "in-progress")) << kim.out;
    auto invitation = Family("mother", {"invitation", "--json"});
    EXPECT_TRUE(Json(invitation).value("planAvailable", false)) << invitation.out;
  }

  static int ReviewYear() {
    return static_cast<int>(absl::ToCivilYear(absl::Now(), absl::UTCTimeZone()).year()) + 1;
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
  std::string bottom_line_;
  std::string plan_;
  std::string version_;
};

testing::ServingHost* FgcctlJourney::host_ = nullptr;

TEST_F(FgcctlJourney, ACoordinatorTakesAReferralToADistributedPlanWithTheFamilyInvited) {
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
  ASSERT_NO_FATAL_FAILURE(HoldTheConference());
  ASSERT_NO_FATAL_FAILURE(WriteThePlan());
  ASSERT_NO_FATAL_FAILURE(AgreeThePlan());
  EXPECT_NO_FATAL_FAILURE(DeclineAResource());
  EXPECT_NO_FATAL_FAILURE(RecordProgress());
  EXPECT_NO_FATAL_FAILURE(DistributeThePlan());
}

}  // namespace
}  // namespace fgc
