#include "services/ledger/entry/test_entries.h"

#include "services/ledger/entry/entry_time.h"

namespace fgc::ledger::testing {

absl::Time TestNow() { return absl::FromUnixSeconds(1740823200); }

v1::LedgerEntry ValidConsent() {
  v1::LedgerEntry entry;
  entry.set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN);
  entry.set_conference(kConference);
  entry.set_subject(kSubject);
  entry.set_decision("Mum agreed that the family network can be contacted");
  *entry.mutable_occur_time() = ToTimestamp(TestNow() - absl::Hours(1));
  v1::ConsentDetails* consent = entry.mutable_consent();
  consent->mutable_grantor()->set_member(kMother);
  consent->mutable_grantor()->set_display_name("Sam Jones");
  consent->mutable_grantor()->set_relationship("mother");
  consent->add_grantees()->set_agency("fgc-service");
  consent->set_purpose(v1::CONSENT_PURPOSE_CONTACT_NETWORK);
  consent->set_collection_method(v1::COLLECTION_METHOD_WRITTEN);
  consent->set_language_code("en");
  consent->set_notice_version("contact-consent/en/2025-01");
  return entry;
}

v1::LedgerEntry ValidPower() {
  v1::LedgerEntry entry;
  entry.set_kind(v1::LEDGER_ENTRY_KIND_POWER_USED);
  entry.set_conference(kConference);
  entry.set_subject(kSubject);
  entry.set_decision("The network is contacted without consent to keep the child safe");
  *entry.mutable_occur_time() = ToTimestamp(TestNow() - absl::Hours(1));
  v1::PowerDetails* power = entry.mutable_power();
  power->set_power(v1::POWER_KIND_PROCEED_WITHOUT_CONSENT);
  power->mutable_legal_basis()->set_statute("Children Act 1989");
  power->mutable_legal_basis()->set_section("s.47");
  power->set_reasons("Risk of significant harm; the family could not be reached.");
  power->mutable_family_told()->set_told(true);
  power->mutable_family_told()->set_method(v1::TELL_METHOD_TELEPHONE);
  *power->mutable_family_told()->mutable_tell_time() = ToTimestamp(TestNow() - absl::Minutes(30));
  power->mutable_review_date()->set_year(2025);
  power->mutable_review_date()->set_month(6);
  power->mutable_review_date()->set_day(1);
  power->set_overridden_purpose(v1::CONSENT_PURPOSE_CONTACT_NETWORK);
  return entry;
}

v1::LedgerEntry FullConsent() {
  v1::LedgerEntry entry = ValidConsent();
  entry.set_name("tenants/t1/ledger/entries/42");
  entry.set_index(42);
  entry.set_supersedes("tenants/t1/ledger/entries/7");
  entry.set_related_resource("tenants/t1/conferences/c1/members/mother");
  *entry.mutable_record_time() = ToTimestamp(TestNow() + absl::Milliseconds(250));
  v1::Actor* actor = entry.mutable_actor();
  actor->set_subject("staff-17");
  actor->set_role(v1::ACTOR_ROLE_COORDINATOR);
  actor->set_agency("northshire-fgc");
  actor->set_display_name("Alex Coordinator");
  actor->set_on_behalf_of("Jo Social Worker");
  v1::ConsentDetails* consent = entry.mutable_consent();
  v1::Party* grantee = consent->add_grantees();
  grantee->set_member(kFather);
  grantee->set_display_name("Chris \"CJ\" Jon\xc3\xa9s\xe2\x80\xa8");
  grantee->set_relationship("father");
  consent->set_purpose_description("Contact the people you named; \\ back-slashes \t tabs\r\n");
  consent->add_data_categories(v1::DATA_CATEGORY_IDENTITY);
  consent->add_data_categories(v1::DATA_CATEGORY_CONTACT_DETAILS);
  *consent->mutable_effective_time() = ToTimestamp(TestNow() - absl::Hours(1));
  *consent->mutable_expire_time() = ToTimestamp(TestNow() + absl::Hours(24 * 90));
  consent->set_interpreter_used(true);
  consent->mutable_verification()->set_verified_by("Alex Coordinator");
  consent->mutable_verification()->set_method(v1::VERIFICATION_METHOD_IDENTITY_DOCUMENT);
  *consent->mutable_verification()->mutable_verify_time() = ToTimestamp(TestNow());
  consent->mutable_verification()->set_notes("Passport seen.");
  consent->set_reason("Wants the aunt involved");
  entry.set_leaf_data("leaf bytes");
  entry.set_leaf_hash(std::string(32, 'h'));
  return entry;
}

v1::LedgerEntry FullPower() {
  v1::LedgerEntry entry = ValidPower();
  entry.set_name("tenants/t1/ledger/entries/43");
  entry.set_index(43);
  entry.set_related_resource("tenants/t1/conferences/c1/plans/p1/versions/2");
  *entry.mutable_record_time() = ToTimestamp(TestNow());
  entry.mutable_actor()->set_display_name("Pat Manager");
  v1::PowerDetails* power = entry.mutable_power();
  power->mutable_legal_basis()->set_jurisdiction("GB-ENG");
  power->mutable_legal_basis()->set_description("Enquiries where a child may be at risk.");
  v1::StaffMember* officer = power->mutable_authorising_officer();
  officer->set_subject("staff-3");
  officer->set_display_name("Robin Head");
  officer->set_agency("northshire-cs");
  officer->set_job_title("Team manager");
  officer->set_email("robin.head@example.org");
  officer->set_phone_number("+441632960000");
  power->mutable_family_told()->set_told_by("Alex Coordinator");
  power->mutable_family_told()->set_not_told_reason("Told in person; no concerns.");
  v1::Party* affected = power->add_affected();
  affected->set_member(kFather);
  affected->set_display_name("Chris Jones");
  affected->set_relationship("father");
  power->add_affected()->set_agency("northshire-cs");
  *power->mutable_expire_time() = ToTimestamp(TestNow() + absl::Hours(24 * 30));
  return entry;
}

}  // namespace fgc::ledger::testing
