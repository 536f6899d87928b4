#include "clients/family-web/family_forms.h"

#include <gtest/gtest.h>

namespace fgc::family_web {
namespace {

TEST(RespondForm, AnAnswerWithNeedsBecomesTheRsvp) {
  const PostedFields fields = {{"answer", "remote"},
                               {"views", "Sam should stay with Mum"},
                               {"need-interpreter", "on"},
                               {"need-interpreter-details", "for the whole meeting"},
                               {"interpreter-language", "pl"},
                               {"need-travel", "on"},
                               {"need-travel-details", "a bus fare"},
                               {"need-dietary-details", "ignored: not ticked"},
                               {"csrf", "x"}};
  const RespondForm form = RespondFormFrom(fields);
  EXPECT_TRUE(CheckRespondForm(form).empty());
  const v1::RespondToInvitationRequest request = RespondRequestFrom(form);
  EXPECT_EQ(request.rsvp().answer(), v1::RSVP_ANSWER_REMOTE);
  EXPECT_EQ(request.rsvp().views(), "Sam should stay with Mum");
  ASSERT_EQ(request.rsvp().needs_size(), 2);
  EXPECT_EQ(request.rsvp().needs(0).kind(), v1::NEED_KIND_INTERPRETER);
  EXPECT_EQ(request.rsvp().needs(0).language_code(), "pl");
  EXPECT_EQ(request.rsvp().needs(1).kind(), v1::NEED_KIND_TRAVEL);
  EXPECT_EQ(request.rsvp().needs(1).details(), "a bus fare");
}

TEST(RespondForm, NoAnswerAndViewsOnlyWithoutViewsAreTheirFieldsErrors) {
  EXPECT_EQ(CheckRespondForm(RespondFormFrom({})),
            (FormErrors{{"answer", "error.answer.missing"}}));
  EXPECT_EQ(CheckRespondForm(RespondFormFrom({{"answer", "maybe"}})),
            (FormErrors{{"answer", "error.answer.missing"}}));
  EXPECT_EQ(CheckRespondForm(RespondFormFrom({{"answer", "views-only"}, {"views", "  "}})),
            (FormErrors{{"views", "error.views.missing"}}));
}

TEST(RespondForm, TooLongOrBrokenTextAndABadLanguageAreRefused) {
  const FormErrors errors =
      CheckRespondForm(RespondFormFrom({{"answer", "in-person"},
                                        {"views", std::string(10001, 'a')},
                                        {"need-access", "on"},
                                        {"need-access-details", "\xff\xfe"},
                                        {"need-interpreter", "on"},
                                        {"interpreter-language", "not a tag"}}));
  EXPECT_EQ(errors, (FormErrors{{"views", "error.views.too-long"},
                                {"need-access-details", "error.need.too-long"},
                                {"interpreter-language", "error.interpreter-language.invalid"}}));
}

TEST(AvailabilityForm, AnsweredSlotsBecomeAvailabilityAndUnknownValuesAreErrors) {
  v1::ListSlotsResponse slots;
  slots.add_slots()->set_name("tenants/t/conferences/c/slots/s1");
  slots.add_slots()->set_name("tenants/t/conferences/c/slots/s2");
  slots.add_slots()->set_name("tenants/t/conferences/c/slots/s3");
  v1::RecordAvailabilityRequest request;
  const FormErrors errors = AvailabilityFrom(
      {{"slot-s1", "yes"}, {"slot-s2", "sometimes"}, {"slot-s9", "no"}}, slots, &request);
  EXPECT_EQ(errors, (FormErrors{{"slot-s2", "error.slot.invalid"}}));
  ASSERT_EQ(request.availability_size(), 1);
  EXPECT_EQ(request.availability(0).slot(), "tenants/t/conferences/c/slots/s1");
  EXPECT_EQ(request.availability(0).answer(), v1::AVAILABILITY_ANSWER_YES);
}

}  // namespace
}  // namespace fgc::family_web
