// Venues and bookings over real gRPC against a real `fgc serve`: PostgreSQL's exclusion
// constraints keep a venue or a coordinator from being booked twice at once, even when twenty
// requests race; a reschedule keeps the calendar UID and counts the change; a cancellation
// frees the time.
#include <atomic>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fgc/v1/invitation_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "tests/journey/journey_fixture.h"
#include "tests/support/grpc_error.h"

namespace fgc::journey {
namespace {

using google::protobuf::util::TimeUtil;
using testing::FieldsOf;
using testing::ReasonOf;

class Bookings : public JourneyTest {
 protected:
  std::string Venue(const std::string& id) {
    v1::CreateVenueRequest req;
    req.set_parent(absl::StrCat("tenants/", kTenant));
    req.set_venue_id(id);
    v1::Venue* v = req.mutable_venue();
    v->set_display_name("Riverside Family Centre");
    v->mutable_address()->add_address_lines("1 River Street");
    v->mutable_address()->set_locality("Northtown");
    v->mutable_address()->set_region_code("GB");
    v->set_time_zone("Europe/London");
    v->set_capacity(30);
    v->set_neutral(true);
    v1::CreateVenueResponse resp;
    grpc::Status s = scheduling_->CreateVenue(As(Coordinator()).get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.venue().name();
  }

  // A meeting `days` from now at 10:00-14:00 UTC.
  static v1::Booking Meeting(const std::string& venue, int days) {
    const absl::Time day =
        absl::FromCivil(absl::CivilDay(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone())) + days,
                        absl::UTCTimeZone());
    v1::Booking b;
    *b.mutable_start_time() =
        TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(day + absl::Hours(10)));
    *b.mutable_end_time() =
        TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(day + absl::Hours(14)));
    b.set_venue(venue);
    return b;
  }

  grpc::Status Book(const std::string& coordinator, const v1::Conference& c,
                    const v1::Booking& meeting, v1::Conference* out = nullptr) {
    v1::BookConferenceRequest req;
    req.set_name(c.name());
    *req.mutable_booking() = meeting;
    v1::BookConferenceResponse resp;
    grpc::Status s = scheduling_->BookConference(As(Coordinator(coordinator)).get(), req, &resp);
    if (out) *out = resp.conference();
    return s;
  }
};

TEST_F(Bookings, OfTwentyConcurrentBookingsOfOneVenueAtOneTimeExactlyOneWins) {
  const std::string venue = Venue("race-hall");
  std::vector<v1::Conference> conferences;
  for (int i = 0; i < 20; ++i) {
    conferences.push_back(Prepared(absl::StrCat("coord-race-", i), "race-agency"));
  }
  const v1::Booking meeting = Meeting(venue, 40);
  std::vector<grpc::Status> results(conferences.size());
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (size_t i = 0; i < conferences.size(); ++i) {
    threads.emplace_back([&, i] {
      ++ready;
      while (ready.load() < static_cast<int>(conferences.size())) std::this_thread::yield();
      results[i] = Book(absl::StrCat("coord-race-", i), conferences[i], meeting);
    });
  }
  for (auto& t : threads) t.join();
  int won = -1;
  for (size_t i = 0; i < results.size(); ++i) {
    if (results[i].ok()) {
      EXPECT_EQ(won, -1) << "two bookings won";
      won = static_cast<int>(i);
    }
  }
  ASSERT_NE(won, -1) << "no booking won";
  for (size_t i = 0; i < results.size(); ++i) {
    if (static_cast<int>(i) == won) continue;
    EXPECT_EQ(results[i].error_code(), grpc::StatusCode::FAILED_PRECONDITION)
        << results[i].error_message();
    EXPECT_EQ(ReasonOf(results[i]), "VENUE_DOUBLE_BOOKED");
    EXPECT_NE(results[i].error_message().find(conferences[won].name()), std::string::npos)
        << results[i].error_message();
  }
}

TEST_F(Bookings, ACoordinatorCannotBeInTwoConferencesAtOnce) {
  const v1::Conference first = Prepared("coord-busy", "busy-agency");
  const v1::Conference second = Prepared("coord-busy", "busy-agency");
  ASSERT_TRUE(Book("coord-busy", first, Meeting(Venue("busy-a"), 41)).ok());
  v1::Booking elsewhere = Meeting(Venue("busy-b"), 41);
  grpc::Status s = Book("coord-busy", second, elsewhere);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "COORDINATOR_DOUBLE_BOOKED");
  // The next day is free.
  EXPECT_TRUE(Book("coord-busy", second, Meeting(Venue("busy-c"), 42)).ok());
}

TEST_F(Bookings, ARescheduleKeepsTheCalendarUidAndACancellationFreesTheVenue) {
  const std::string venue = Venue("moving-hall");
  const v1::Conference c = Prepared("coord-move", "move-agency");
  v1::Conference booked;
  ASSERT_TRUE(Book("coord-move", c, Meeting(venue, 43), &booked).ok());
  EXPECT_EQ(booked.stage(), v1::STAGE_BOOKED);
  EXPECT_EQ(booked.booking().sequence(), 0);
  EXPECT_FALSE(booked.booking().calendar_uid().empty());

  v1::RescheduleConferenceRequest move;
  move.set_name(c.name());
  *move.mutable_booking() = Meeting(venue, 44);
  move.set_reason("The venue's heating is being repaired");
  v1::RescheduleConferenceResponse moved;
  ASSERT_TRUE(
      scheduling_->RescheduleConference(As(Coordinator("coord-move")).get(), move, &moved).ok());
  EXPECT_EQ(moved.conference().booking().calendar_uid(), booked.booking().calendar_uid());
  EXPECT_EQ(moved.conference().booking().sequence(), 1);

  // Another conference cannot have the new day; once cancelled, it can.
  const v1::Conference other = Prepared("coord-other", "move-agency");
  EXPECT_EQ(ReasonOf(Book("coord-other", other, Meeting(venue, 44))), "VENUE_DOUBLE_BOOKED");
  v1::CancelConferenceRequest cancel;
  cancel.set_name(c.name());
  cancel.set_reason("The family asked for more time");
  v1::CancelConferenceResponse cancelled;
  ASSERT_TRUE(
      scheduling_->CancelConference(As(Coordinator("coord-move")).get(), cancel, &cancelled).ok());
  EXPECT_EQ(cancelled.conference().stage(), v1::STAGE_PREPARATION);
  EXPECT_EQ(cancelled.conference().booking().state(), v1::BOOKING_STATE_CANCELLED);
  EXPECT_EQ(cancelled.conference().booking().sequence(), 2);
  EXPECT_TRUE(Book("coord-other", other, Meeting(venue, 44)).ok());
}

TEST_F(Bookings, AMeetingInThePastOrLongerThanADayIsRefusedNamingTheFields) {
  const v1::Conference c = Prepared("coord-bad", "bad-agency");
  v1::Booking past = Meeting(Venue("bad-hall"), -2);
  grpc::Status s = Book("coord-bad", c, past);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(FieldsOf(s).count("booking.start_time")) << s.error_message();
  v1::Booking long_one = Meeting(past.venue(), 45);
  *long_one.mutable_end_time() = TimeUtil::MicrosecondsToTimestamp(
      TimeUtil::TimestampToMicroseconds(long_one.start_time()) + 13LL * 3600 * 1000000);
  s = Book("coord-bad", c, long_one);
  EXPECT_TRUE(FieldsOf(s).count("booking.end_time")) << s.error_message();
  v1::Booking nowhere = Meeting(absl::StrCat("tenants/", kTenant, "/venues/no-such"), 45);
  EXPECT_EQ(Book("coord-bad", c, nowhere).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(Bookings, AReferralCannotBeBookedBeforeACoordinatorIsAllocated) {
  const v1::Conference c = Create(Referrer());
  grpc::Status s = Book("coord-kim", c, Meeting(Venue("early-hall"), 46));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(Bookings, TheCalendarCarriesTheBookingAndThenItsCancellation) {
  const v1::Conference c = Prepared("coord-ics", "ics-agency");
  v1::Conference booked;
  v1::Booking meeting = Meeting(Venue("ics-hall"), 47);
  meeting.mutable_remote_join()->set_url("https://meet.example.org/fgc-123");
  ASSERT_TRUE(Book("coord-ics", c, meeting, &booked).ok());
  v1::ExportCalendarRequest req;
  req.set_name(c.name());
  v1::ExportCalendarResponse ics;
  grpc::Status s = scheduling_->ExportCalendar(As(Coordinator("coord-ics")).get(), req, &ics);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(ics.content_type(), "text/calendar; charset=utf-8; method=REQUEST");
  const std::string& text = ics.calendar();
  for (const std::string& line :
       {std::string("METHOD:REQUEST\r\n"), "UID:" + booked.booking().calendar_uid() + "\r\n",
        std::string("SEQUENCE:0\r\n"), std::string("BEGIN:VTIMEZONE\r\n"),
        std::string("TZID:Europe/London\r\n")}) {
    EXPECT_NE(text.find(line), std::string::npos) << line << " missing from\n" << text;
  }
  EXPECT_NE(text.find("Riverside Family Centre"), std::string::npos);
  // The referring agency may export it too.
  v1::ExportCalendarResponse for_agency;
  EXPECT_TRUE(scheduling_->ExportCalendar(As(Referrer("ics-agency")).get(), req, &for_agency).ok());

  v1::CancelConferenceRequest cancel;
  cancel.set_name(c.name());
  cancel.set_reason("The family asked to meet later");
  v1::CancelConferenceResponse cancelled;
  ASSERT_TRUE(
      scheduling_->CancelConference(As(Coordinator("coord-ics")).get(), cancel, &cancelled).ok());
  ASSERT_TRUE(scheduling_->ExportCalendar(As(Coordinator("coord-ics")).get(), req, &ics).ok());
  EXPECT_NE(ics.calendar().find("METHOD:CANCEL\r\n"), std::string::npos);
  EXPECT_NE(ics.calendar().find("STATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(ics.calendar().find("SEQUENCE:1\r\n"), std::string::npos);
}

TEST_F(Bookings, AReviewFollowsOnlyAnAgreedPlan) {
  const v1::Conference c = Prepared("coord-review", "review-agency");
  v1::ScheduleReviewRequest req;
  req.set_name(c.name());
  req.mutable_review_date()->set_year(2030);
  req.mutable_review_date()->set_month(3);
  req.mutable_review_date()->set_day(1);
  v1::ScheduleReviewResponse resp;
  grpc::Status s = scheduling_->ScheduleReview(As(Coordinator("coord-review")).get(), req, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
}

TEST_F(Bookings, BookingAProposedSlotTakesItsTimesAndTheFamilySeesWhenAndWhere) {
  const v1::Conference c = Prepared("coord-slot", "slot-agency");
  const std::string venue = Venue("slot-hall");
  const v1::NetworkMember aunt =
      NetworkMemberOf("coord-slot", c, "Aunt Bea", v1::MEMBER_ROLE_SUPPORTER, "bea@example.org");
  const std::string token = HandOverInvitation("coord-slot", c, aunt);
  auto invitations = v1::InvitationService::NewStub(
      grpc::CreateChannel(host_->address(), grpc::InsecureChannelCredentials()));
  v1::ProposeSlotsRequest propose;
  propose.set_parent(c.name());
  v1::Slot* slot = propose.add_slots();
  const v1::Booking meeting = Meeting(venue, 50);
  *slot->mutable_start_time() = meeting.start_time();
  *slot->mutable_end_time() = meeting.end_time();
  slot->set_venue(venue);
  *propose.mutable_availability_deadline() =
      TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(absl::Now() + absl::Hours(24 * 20)));
  v1::ProposeSlotsResponse proposed;
  ASSERT_TRUE(
      scheduling_->ProposeSlots(As(Coordinator("coord-slot")).get(), propose, &proposed).ok());
  ASSERT_EQ(proposed.slots_size(), 1);
  // The invited member's page shows the new deadline at once.
  v1::GetMyInvitationResponse before;
  ASSERT_TRUE(invitations->GetMyInvitation(WithInvitationToken(token).get(), {}, &before).ok());
  EXPECT_EQ(before.availability_deadline().seconds(), propose.availability_deadline().seconds());

  v1::BookConferenceRequest book;
  book.set_name(c.name());
  book.set_slot(proposed.slots(0).name());
  book.mutable_booking()->mutable_remote_join()->set_url("https://meet.example.org/fgc-slot");
  v1::BookConferenceResponse booked;
  grpc::Status s = scheduling_->BookConference(As(Coordinator("coord-slot")).get(), book, &booked);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(booked.conference().booking().slot(), proposed.slots(0).name());
  EXPECT_EQ(booked.conference().booking().venue(), venue);
  EXPECT_EQ(booked.conference().booking().start_time().seconds(), meeting.start_time().seconds());

  // Booking told the network: the family's own page now shows the meeting and its venue.
  v1::GetMyInvitationResponse mine;
  ASSERT_TRUE(invitations->GetMyInvitation(WithInvitationToken(token).get(), {}, &mine).ok());
  EXPECT_EQ(mine.stage(), v1::STAGE_BOOKED);
  EXPECT_EQ(mine.booking().start_time().seconds(), meeting.start_time().seconds());
  EXPECT_EQ(mine.venue().display_name(), "Riverside Family Centre");

  // Staff see the copy the aunt receives: she is its attendee, and the joining link is in it
  // only once she has said she joins remotely.
  v1::ExportCalendarRequest export_as;
  export_as.set_name(c.name());
  export_as.set_member(aunt.name());
  v1::ExportCalendarResponse copy;
  s = scheduling_->ExportCalendar(As(Coordinator("coord-slot")).get(), export_as, &copy);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_NE(copy.calendar().find("bea@example.org"), std::string::npos);
  EXPECT_EQ(copy.calendar().find("meet.example.org"), std::string::npos);
  v1::RespondToInvitationRequest remote;
  remote.mutable_rsvp()->set_answer(v1::RSVP_ANSWER_REMOTE);
  v1::RespondToInvitationResponse answered;
  ASSERT_TRUE(
      invitations->RespondToInvitation(WithInvitationToken(token).get(), remote, &answered).ok());
  ASSERT_TRUE(
      scheduling_->ExportCalendar(As(Coordinator("coord-slot")).get(), export_as, &copy).ok());
  EXPECT_NE(copy.calendar().find("meet.example.org"), std::string::npos);

  v1::BookConferenceRequest unknown = book;
  unknown.set_slot(c.name() + "/slots/s-none");
  EXPECT_EQ(scheduling_->BookConference(As(Coordinator("coord-slot")).get(), unknown, &booked)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

}  // namespace
}  // namespace fgc::journey
