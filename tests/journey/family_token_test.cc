// The family's side outside InvitationService, over real gRPC against a real `fgc serve`: a
// family member holding only their invitation link's token lists their conference's proposed
// times, answers for themselves, adds the meeting to their own calendar, reads their own ledger
// record and withdraws a consent they gave; the token opens nothing else. Each service resolves
// the token by asking InvitationService.GetMyInvitation with it.
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/util/time_util.h"
#include "tests/journey/journey_fixture.h"
#include "tests/support/grpc_error.h"

namespace fgc::journey {
namespace {

using google::protobuf::util::TimeUtil;
using testing::ReasonOf;

// An iCalendar text with its folded lines joined again (RFC 5545 section 3.1).
std::string Unfolded(const std::string& calendar) {
  return absl::StrReplaceAll(calendar, {{"\r\n ", ""}});
}

google::protobuf::Timestamp In(absl::Duration d) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(absl::Now() + d));
}

class FamilyToken : public JourneyTest {
 protected:
  void SetUp() override {
    invitations_ = v1::InvitationService::NewStub(
        grpc::CreateChannel(host_->address(), grpc::InsecureChannelCredentials()));
  }

  // A conference in preparation with Nain (by email) invited by hand: her token.
  std::string NainInvited(const std::string& coordinator, v1::Conference* c,
                          v1::NetworkMember* nain) {
    *c = Prepared(coordinator, "family-agency");
    *nain = NetworkMemberOf(coordinator, *c, "Nain", v1::MEMBER_ROLE_CARER, "nain@example.org");
    return HandOverInvitation(coordinator, *c, *nain);
  }

  std::vector<v1::Slot> Propose(const std::string& coordinator, const v1::Conference& c) {
    v1::ProposeSlotsRequest req;
    req.set_parent(c.name());
    for (int days : {9, 8}) {
      v1::Slot* slot = req.add_slots();
      *slot->mutable_start_time() = In(absl::Hours(24 * days));
      *slot->mutable_end_time() = In(absl::Hours(24 * days + 2));
      slot->set_remote_available(true);
    }
    *req.mutable_availability_deadline() = In(absl::Hours(24));
    v1::ProposeSlotsResponse resp;
    grpc::Status s = scheduling_->ProposeSlots(As(Coordinator(coordinator)).get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return {resp.slots().begin(), resp.slots().end()};
  }

  static v1::RecordAvailabilityRequest Answers(const std::string& member, const v1::Slot& slot,
                                               v1::AvailabilityAnswer answer) {
    v1::RecordAvailabilityRequest req;
    req.set_name(member);
    v1::Availability* a = req.add_availability();
    a->set_slot(slot.name());
    a->set_answer(answer);
    return req;
  }

  grpc::Status ListSlots(const std::string& token, const std::string& parent,
                         v1::ListSlotsResponse* out) {
    v1::ListSlotsRequest req;
    req.set_parent(parent);
    return scheduling_->ListSlots(WithInvitationToken(token).get(), req, out);
  }

  grpc::Status Record(const std::string& token, v1::GetMyRecordResponse* out) {
    return ledger_->GetMyRecord(WithInvitationToken(token).get(), v1::GetMyRecordRequest(), out);
  }

  // A consent given by `grantor` (a member of `c`) to contacting the network, recorded by the
  // referrer.
  v1::LedgerEntry ConsentBy(const v1::Conference& c, const std::string& grantor,
                            const std::string& request_id) {
    v1::RecordConsentRequest req;
    req.set_parent(absl::StrCat("tenants/", kTenant, "/ledger"));
    req.set_request_id(request_id);
    v1::LedgerEntry* e = req.mutable_entry();
    e->set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN);
    e->set_conference(c.name());
    e->set_subject(c.children(0).name());
    e->set_decision("Nain agreed that the family network can be contacted");
    *e->mutable_occur_time() = TimeUtil::GetCurrentTime();
    v1::ConsentDetails* consent = e->mutable_consent();
    consent->mutable_grantor()->set_member(grantor);
    consent->mutable_grantor()->set_display_name("Nain");
    consent->add_grantees()->set_agency("fgc-service");
    consent->set_purpose(v1::CONSENT_PURPOSE_CONTACT_NETWORK);
    consent->set_collection_method(v1::COLLECTION_METHOD_VERBAL_IN_PERSON);
    consent->set_language_code("en");
    consent->set_notice_version("contact-network/en/2026-01");
    v1::RecordConsentResponse resp;
    grpc::Status s = ledger_->RecordConsent(As(Referrer("family-agency")).get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.entry();
  }

  // A use of power restricting `affected`'s participation (or, with `kind`, another power).
  static v1::RecordPowerUseRequest PowerOn(
      const v1::Conference& c, const std::string& affected, bool told,
      const std::string& request_id, v1::PowerKind kind = v1::POWER_KIND_RESTRICT_PARTICIPATION) {
    v1::RecordPowerUseRequest req;
    req.set_parent(absl::StrCat("tenants/", kTenant, "/ledger"));
    req.set_request_id(request_id);
    v1::LedgerEntry* e = req.mutable_entry();
    e->set_kind(v1::LEDGER_ENTRY_KIND_POWER_USED);
    e->set_conference(c.name());
    e->set_subject(c.children(0).name());
    e->set_decision("Nain joins for the information sharing only");
    *e->mutable_occur_time() = TimeUtil::GetCurrentTime();
    v1::PowerDetails* power = e->mutable_power();
    power->set_power(kind);
    if (kind == v1::POWER_KIND_PROCEED_WITHOUT_CONSENT) {
      power->set_overridden_purpose(v1::CONSENT_PURPOSE_CONTACT_NETWORK);
    }
    power->mutable_legal_basis()->set_statute("Children Act 1989");
    power->mutable_legal_basis()->set_section("s.47");
    power->set_reasons("A risk to the child's safety was assessed");
    power->add_affected()->set_member(affected);
    const absl::CivilDay review = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()) + 60;
    power->mutable_review_date()->set_year(static_cast<int>(review.year()));
    power->mutable_review_date()->set_month(review.month());
    power->mutable_review_date()->set_day(review.day());
    v1::FamilyTold* family_told = power->mutable_family_told();
    family_told->set_told(told);
    if (told) {
      family_told->set_method(v1::TELL_METHOD_IN_PERSON);
      *family_told->mutable_tell_time() = TimeUtil::GetCurrentTime();
    } else {
      family_told->set_not_told_reason("Telling her before the strategy meeting is unsafe");
    }
    return req;
  }

  static std::vector<std::string> NamesOf(const v1::GetMyRecordResponse& record) {
    std::vector<std::string> names;
    for (const auto& e : record.entries()) names.push_back(e.name());
    return names;
  }

  std::unique_ptr<v1::InvitationService::Stub> invitations_;
};

TEST_F(FamilyToken, ATokenListsItsConferencesSlotsAndRecordsItsOwnAvailability) {
  v1::Conference c;
  v1::NetworkMember nain;
  const std::string token = NainInvited("coord-fam-1", &c, &nain);
  const std::vector<v1::Slot> slots = Propose("coord-fam-1", c);
  ASSERT_EQ(slots.size(), 2u);
  // The coordinator records someone else's answer; Nain does not see it.
  v1::RecordAvailabilityResponse staff_answer;
  ASSERT_TRUE(scheduling_
                  ->RecordAvailability(
                      As(Coordinator("coord-fam-1")).get(),
                      Answers(c.name() + "/members/alex", slots[0], v1::AVAILABILITY_ANSWER_NO),
                      &staff_answer)
                  .ok());

  v1::RecordAvailabilityResponse answered;
  grpc::Status s = scheduling_->RecordAvailability(
      WithInvitationToken(token).get(), Answers("", slots[0], v1::AVAILABILITY_ANSWER_YES),
      &answered);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(answered.availability_size(), 1);
  EXPECT_EQ(answered.availability(0).member(), nain.name());
  EXPECT_EQ(answered.availability(0).recorded_by().role(), v1::ACTOR_ROLE_FAMILY_MEMBER);
  EXPECT_EQ(answered.availability(0).recorded_by().subject(), nain.name());

  v1::ListSlotsResponse listed;
  s = ListSlots(token, "", &listed);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(listed.slots_size(), 2);
  EXPECT_EQ(listed.time_zone(), "Europe/London");
  EXPECT_TRUE(listed.has_availability_deadline());
  int answers = 0;
  for (const v1::Slot& slot : listed.slots()) {
    for (const v1::Availability& a : slot.availability()) {
      EXPECT_EQ(a.member(), nain.name());
      ++answers;
    }
  }
  EXPECT_EQ(answers, 1);
  // Naming their own conference is the same as naming none.
  v1::ListSlotsResponse named;
  ASSERT_TRUE(ListSlots(token, c.name(), &named).ok());
  EXPECT_EQ(named.slots_size(), 2);
}

TEST_F(FamilyToken, AnotherConferenceOrMemberIsNotPermittedWhetherOrNotItExists) {
  v1::Conference c;
  v1::NetworkMember nain;
  const std::string token = NainInvited("coord-fam-2", &c, &nain);
  const std::vector<v1::Slot> slots = Propose("coord-fam-2", c);
  const v1::Conference other = Prepared("coord-fam-2b", "family-agency");

  v1::ListSlotsResponse listed;
  for (const std::string& parent :
       {other.name(), absl::StrCat("tenants/", kTenant, "/conferences/no-such-conference")}) {
    grpc::Status s = ListSlots(token, parent, &listed);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << parent;
    EXPECT_EQ(ReasonOf(s), "RESOURCE_NOT_PERMITTED") << parent;
  }
  v1::RecordAvailabilityResponse answered;
  for (const std::string& member : {c.name() + "/members/alex", c.name() + "/members/nobody"}) {
    grpc::Status s = scheduling_->RecordAvailability(
        WithInvitationToken(token).get(), Answers(member, slots[0], v1::AVAILABILITY_ANSWER_YES),
        &answered);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << member;
    EXPECT_EQ(ReasonOf(s), "RESOURCE_NOT_PERMITTED") << member;
  }
  v1::ExportCalendarRequest export_other;
  export_other.set_name(other.name());
  v1::ExportCalendarResponse calendar;
  grpc::Status s =
      scheduling_->ExportCalendar(WithInvitationToken(token).get(), export_other, &calendar);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(FamilyToken, AnUnknownOrRevokedTokenIsUnauthenticatedEverywhere) {
  v1::Conference c;
  v1::NetworkMember nain;
  const std::string token = NainInvited("coord-fam-3", &c, &nain);
  v1::ListSlotsResponse listed;
  ASSERT_TRUE(ListSlots(token, "", &listed).ok());

  v1::ListInvitationsRequest list;
  list.set_parent(c.name());
  v1::ListInvitationsResponse invitations;
  ASSERT_TRUE(
      invitations_->ListInvitations(As(Coordinator("coord-fam-3")).get(), list, &invitations).ok());
  ASSERT_EQ(invitations.invitations_size(), 1);
  v1::RevokeInvitationRequest revoke;
  revoke.set_name(invitations.invitations(0).name());
  revoke.set_reason("Sent to the wrong person");
  v1::RevokeInvitationResponse revoked;
  ASSERT_TRUE(
      invitations_->RevokeInvitation(As(Coordinator("coord-fam-3")).get(), revoke, &revoked).ok());

  const std::string unknown = "dGhpcyBpcyBub3QgYSByZWFsIHRva2VuIGF0IGFsbCEh";
  for (const std::string& t : {token, unknown}) {
    grpc::Status slots = ListSlots(t, "", &listed);
    EXPECT_EQ(slots.error_code(), grpc::StatusCode::UNAUTHENTICATED) << slots.error_message();
    EXPECT_EQ(ReasonOf(slots), "INVITATION_TOKEN_INVALID");
    v1::GetMyRecordResponse record;
    grpc::Status ledger = Record(t, &record);
    EXPECT_EQ(ledger.error_code(), grpc::StatusCode::UNAUTHENTICATED) << ledger.error_message();
    EXPECT_EQ(ReasonOf(ledger), "INVITATION_TOKEN_INVALID");
  }
}

TEST_F(FamilyToken, TheInviteesCalendarIsTheirOwnWithJoiningDetailsOnlyWhenRemote) {
  v1::Conference c;
  v1::NetworkMember nain;
  const std::string nain_token = NainInvited("coord-fam-4", &c, &nain);
  const v1::NetworkMember tom =
      NetworkMemberOf("coord-fam-4", c, "Uncle Tom", v1::MEMBER_ROLE_SUPPORTER, "tom@example.org");
  const std::string tom_token = HandOverInvitation("coord-fam-4", c, tom);
  for (const auto& [token, answer] : {std::pair{nain_token, v1::RSVP_ANSWER_REMOTE},
                                      std::pair{tom_token, v1::RSVP_ANSWER_IN_PERSON}}) {
    v1::RespondToInvitationRequest respond;
    respond.mutable_rsvp()->set_answer(answer);
    v1::RespondToInvitationResponse responded;
    grpc::Status s =
        invitations_->RespondToInvitation(WithInvitationToken(token).get(), respond, &responded);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  v1::CreateVenueRequest venue;
  venue.set_parent(absl::StrCat("tenants/", kTenant));
  venue.set_venue_id("family-token-hall");
  venue.mutable_venue()->set_display_name("Riverside Family Centre");
  venue.mutable_venue()->mutable_address()->add_address_lines("1 River Street");
  venue.mutable_venue()->mutable_address()->set_region_code("GB");
  venue.mutable_venue()->set_time_zone("Europe/London");
  venue.mutable_venue()->set_capacity(30);
  v1::CreateVenueResponse created;
  ASSERT_TRUE(scheduling_->CreateVenue(As(Coordinator()).get(), venue, &created).ok());
  v1::BookConferenceRequest book;
  book.set_name(c.name());
  *book.mutable_booking()->mutable_start_time() = In(absl::Hours(24 * 20));
  *book.mutable_booking()->mutable_end_time() = In(absl::Hours(24 * 20 + 3));
  book.mutable_booking()->set_venue(created.venue().name());
  book.mutable_booking()->mutable_remote_join()->set_url("https://meet.example.org/fgc-sam");
  v1::BookConferenceResponse booked;
  grpc::Status s = scheduling_->BookConference(As(Coordinator("coord-fam-4")).get(), book, &booked);
  ASSERT_TRUE(s.ok()) << s.error_message();

  v1::ExportCalendarResponse remote, in_person;
  s = scheduling_->ExportCalendar(WithInvitationToken(nain_token).get(),
                                  v1::ExportCalendarRequest(), &remote);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_TRUE(scheduling_
                  ->ExportCalendar(WithInvitationToken(tom_token).get(),
                                   v1::ExportCalendarRequest(), &in_person)
                  .ok());
  EXPECT_TRUE(absl::StrContains(Unfolded(remote.calendar()), "METHOD:REQUEST"));
  EXPECT_TRUE(absl::StrContains(Unfolded(remote.calendar()), "mailto:nain@example.org"));
  EXPECT_TRUE(absl::StrContains(Unfolded(remote.calendar()), "PARTSTAT=ACCEPTED"));
  EXPECT_TRUE(absl::StrContains(Unfolded(remote.calendar()), "https://meet.example.org/fgc-sam"));
  EXPECT_FALSE(absl::StrContains(Unfolded(remote.calendar()), "tom@example.org"));
  EXPECT_TRUE(absl::StrContains(Unfolded(in_person.calendar()), "mailto:tom@example.org"));
  EXPECT_TRUE(absl::StrContains(Unfolded(in_person.calendar()), "Riverside Family Centre"));
  EXPECT_FALSE(absl::StrContains(Unfolded(in_person.calendar()), "meet.example.org"));

  v1::CancelConferenceRequest cancel;
  cancel.set_name(c.name());
  cancel.set_reason("The family asked for another date");
  v1::CancelConferenceResponse cancelled;
  s = scheduling_->CancelConference(As(Coordinator("coord-fam-4")).get(), cancel, &cancelled);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_TRUE(scheduling_
                  ->ExportCalendar(WithInvitationToken(tom_token).get(),
                                   v1::ExportCalendarRequest(), &in_person)
                  .ok());
  EXPECT_TRUE(absl::StrContains(Unfolded(in_person.calendar()), "METHOD:CANCEL"));
  EXPECT_EQ(in_person.content_type(), "text/calendar; charset=utf-8; method=CANCEL");
}

TEST_F(FamilyToken, TheRecordShowsAConsentTheyGaveAndHidesAPowerUseTheyWereNotToldOf) {
  v1::Conference c;
  v1::NetworkMember nain;
  const std::string token = NainInvited("coord-fam-5", &c, &nain);
  const v1::LedgerEntry consent = ConsentBy(c, nain.name(), "fam5-consent-" + c.name());
  v1::RecordPowerUseResponse untold;
  grpc::Status s = ledger_->RecordPowerUse(
      As(Referrer("family-agency")).get(),
      PowerOn(c, nain.name(), /*told=*/false, "fam5-power-" + c.name()), &untold);
  ASSERT_TRUE(s.ok()) << s.error_message();

  v1::GetMyRecordResponse record;
  s = Record(token, &record);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(record.member(), nain.name());
  EXPECT_EQ(NamesOf(record), (std::vector{consent.name()}));
  EXPECT_EQ(record.entries(0).decision(), "Nain agreed that the family network can be contacted");
  EXPECT_EQ(std::vector<std::string>(record.withdrawable_entries().begin(),
                                     record.withdrawable_entries().end()),
            (std::vector{consent.name()}));

  // Once an entry superseding the power use says she was told, both appear, newest first.
  v1::RecordPowerUseRequest told = PowerOn(c, nain.name(), /*told=*/true, "fam5-told-" + c.name());
  told.mutable_entry()->set_supersedes(untold.entry().name());
  v1::RecordPowerUseResponse told_entry;
  s = ledger_->RecordPowerUse(As(Referrer("family-agency")).get(), told, &told_entry);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_TRUE(Record(token, &record).ok());
  EXPECT_EQ(NamesOf(record),
            (std::vector{told_entry.entry().name(), untold.entry().name(), consent.name()}));

  // In pages of two: the rest follows the token, and the consent is withdrawable where it is.
  v1::GetMyRecordRequest paged;
  paged.set_page_size(2);
  v1::GetMyRecordResponse first, second;
  ASSERT_TRUE(ledger_->GetMyRecord(WithInvitationToken(token).get(), paged, &first).ok());
  EXPECT_EQ(NamesOf(first), (std::vector{told_entry.entry().name(), untold.entry().name()}));
  EXPECT_EQ(first.withdrawable_entries_size(), 0);
  ASSERT_FALSE(first.next_page_token().empty());
  paged.set_page_token(first.next_page_token());
  ASSERT_TRUE(ledger_->GetMyRecord(WithInvitationToken(token).get(), paged, &second).ok());
  EXPECT_EQ(NamesOf(second), (std::vector{consent.name()}));
  EXPECT_EQ(second.withdrawable_entries_size(), 1);
  EXPECT_TRUE(second.next_page_token().empty());
}

TEST_F(FamilyToken, AConsentWithdrawnByTokenNoLongerStands) {
  v1::Conference c;
  v1::NetworkMember nain;
  const std::string token = NainInvited("coord-fam-6", &c, &nain);
  const v1::LedgerEntry consent = ConsentBy(c, nain.name(), "fam6-consent-" + c.name());
  v1::CheckConsentRequest check;
  check.set_parent(absl::StrCat("tenants/", kTenant, "/ledger"));
  check.set_conference(c.name());
  check.set_subject(c.children(0).name());
  check.set_purpose(v1::CONSENT_PURPOSE_CONTACT_NETWORK);
  v1::CheckConsentResponse before, after;
  ASSERT_TRUE(ledger_->CheckConsent(As(Referrer("family-agency")).get(), check, &before).ok());
  EXPECT_TRUE(before.allowed());

  v1::WithdrawConsentRequest withdraw;
  withdraw.set_name(consent.name());
  withdraw.set_request_id("fam6-withdraw-" + c.name());
  v1::WithdrawConsentResponse withdrawn;
  grpc::Status s = ledger_->WithdrawConsent(WithInvitationToken(token).get(), withdraw, &withdrawn);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(withdrawn.entry().supersedes(), consent.name());
  EXPECT_EQ(withdrawn.entry().actor().role(), v1::ACTOR_ROLE_FAMILY_MEMBER);
  EXPECT_EQ(withdrawn.entry().actor().subject(), nain.name());
  EXPECT_EQ(withdrawn.entry().consent().collection_method(), v1::COLLECTION_METHOD_ELECTRONIC);
  v1::WithdrawConsentResponse retried;  // the same request again: the first answer
  s = ledger_->WithdrawConsent(WithInvitationToken(token).get(), withdraw, &retried);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(retried.entry().name(), withdrawn.entry().name());

  ASSERT_TRUE(ledger_->CheckConsent(As(Referrer("family-agency")).get(), check, &after).ok());
  EXPECT_FALSE(after.allowed());
  EXPECT_EQ(after.result(), v1::CONSENT_CHECK_RESULT_WITHDRAWN);
  v1::GetMyRecordResponse record;
  ASSERT_TRUE(Record(token, &record).ok());
  EXPECT_EQ(NamesOf(record), (std::vector{withdrawn.entry().name(), consent.name()}));
  EXPECT_EQ(record.withdrawable_entries_size(), 0);
}

TEST_F(FamilyToken, SomeoneElsesConsentCannotBeWithdrawnByToken) {
  v1::Conference c;
  v1::NetworkMember nain;
  const std::string token = NainInvited("coord-fam-7", &c, &nain);
  const v1::LedgerEntry mums = ConsentBy(c, c.name() + "/members/alex", "fam7-consent-" + c.name());
  for (const std::string& name :
       {mums.name(), absl::StrCat("tenants/", kTenant, "/ledger/entries/999999999")}) {
    v1::WithdrawConsentRequest withdraw;
    withdraw.set_name(name);
    withdraw.set_request_id("fam7-withdraw-" + name);
    v1::WithdrawConsentResponse withdrawn;
    grpc::Status s =
        ledger_->WithdrawConsent(WithInvitationToken(token).get(), withdraw, &withdrawn);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << name;
    EXPECT_EQ(ReasonOf(s), "RESOURCE_NOT_PERMITTED") << name;
  }
  v1::GetMyRecordResponse record;
  ASSERT_TRUE(Record(token, &record).ok());
  EXPECT_EQ(record.entries_size(), 0);
}

TEST_F(FamilyToken, ACoordinatorRecordsARestrictionButNoOtherPower) {
  const v1::Conference c = Prepared("coord-fam-8", "family-agency");
  const std::string nain = c.name() + "/members/nain";
  v1::RecordPowerUseResponse recorded;
  grpc::Status s =
      ledger_->RecordPowerUse(As(Coordinator("coord-fam-8")).get(),
                              PowerOn(c, nain, true, "fam8-restrict-" + c.name()), &recorded);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(recorded.entry().actor().role(), v1::ACTOR_ROLE_COORDINATOR);

  s = ledger_->RecordPowerUse(
      As(Coordinator("coord-fam-8")).get(),
      PowerOn(c, nain, true, "fam8-override-" + c.name(), v1::POWER_KIND_PROCEED_WITHOUT_CONSENT),
      &recorded);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();
  EXPECT_EQ(ReasonOf(s), "RESOURCE_NOT_PERMITTED");
}

}  // namespace
}  // namespace fgc::journey
