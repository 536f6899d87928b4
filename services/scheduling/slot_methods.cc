// SchedulingService.ProposeSlots, ListSlots and RecordAvailability: the candidate times of a
// conference in preparation and who can come to each.
#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/listing/page_token.h"
#include "common/server/actor.h"
#include "common/server/family_invitation.h"
#include "services/scheduling/booking_request.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/network_client.h"
#include "services/scheduling/network_notice.h"
#include "services/scheduling/ranking/slot_ranking.h"
#include "services/scheduling/scheduling_service.h"

namespace fgc::scheduling {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
constexpr int kMaxSlots = 2000;

std::string IdOf(const std::string& name) { return name.substr(name.rfind('/') + 1); }

// A family member sees only their own answers: who else can come when is the coordinator's to
// weigh, and says where people will be.
void KeepOnlyAnswersOf(const std::string& member, v1::ListSlotsResponse& resp) {
  for (v1::Slot& slot : *resp.mutable_slots()) {
    auto* answers = slot.mutable_availability();
    answers->erase(std::remove_if(answers->begin(), answers->end(),
                                  [&](const v1::Availability& a) { return a.member() != member; }),
                   answers->end());
  }
}

absl::Status CheckAnswers(const v1::RecordAvailabilityRequest& req, const std::string& conference) {
  std::vector<FieldViolation> bad;
  if (req.availability_size() < 1 || req.availability_size() > kMaxSlots) {
    bad.push_back({"availability", "give 1-2,000 answers"});
  }
  std::set<std::string> seen;
  const std::string prefix = conference + "/slots/";
  for (int i = 0; i < req.availability_size() && i < kMaxSlots; ++i) {
    const v1::Availability& a = req.availability(i);
    const std::string field = absl::StrCat("availability[", i, "]");
    if (!absl::StartsWith(a.slot(), prefix) || a.slot().size() == prefix.size()) {
      bad.push_back({field + ".slot", "must be a slot of " + conference});
    } else if (!seen.insert(a.slot()).second) {
      bad.push_back({field + ".slot", "answers each slot at most once"});
    }
    if (!v1::AvailabilityAnswer_IsValid(a.answer()) ||
        a.answer() == v1::AVAILABILITY_ANSWER_UNSPECIFIED) {
      bad.push_back({field + ".answer", "must be YES, IF_NEED_BE or NO"});
    }
    if (!v1::AttendanceMode_IsValid(a.mode())) bad.push_back({field + ".mode", "is unknown"});
  }
  if (!bad.empty()) return InvalidArgument("INVALID_FIELD", "the answers are malformed", bad);
  return absl::OkStatus();
}

}  // namespace

absl::Status SchedulingService::ProposeSlots(const Caller& caller,
                                             const v1::ProposeSlotsRequest& req,
                                             v1::ProposeSlotsResponse& resp) {
  if (absl::Status s = ValidateProposedSlots(req, caller.tenant, absl::Now()); !s.ok()) return s;
  std::vector<v1::Slot> slots;
  auto changed = ChangeConference(
      caller, req.parent(), "parent", "", "ProposeSlots", req,
      [&](const VersionedConference& read, const RequestKey& key,
          absl::Time now) -> absl::StatusOr<VersionedConference> {
        if (read.conference.stage() != v1::STAGE_PREPARATION) {
          return FailedPrecondition(
              "STAGE_TRANSITION_NOT_ALLOWED", "times are proposed while preparing a conference",
              {{"STAGE", req.parent(), v1::Stage_Name(read.conference.stage())}});
        }
        std::set<std::string> venues;
        for (const v1::Slot& s : req.slots()) {
          if (!s.venue().empty() && venues.insert(s.venue()).second) {
            auto venue = venues_.Get(caller.tenant, VenueId(s.venue(), caller.tenant));
            if (!venue.ok()) return venue.status();
          }
        }
        for (const v1::Slot& s : req.slots()) {
          auto id = crypto::RandomBytes(6);
          if (!id.ok()) return id.status();
          v1::Slot slot;
          slot.set_name(absl::StrCat(req.parent(), "/slots/s-", crypto::HexEncode(*id)));
          *slot.mutable_start_time() = s.start_time();
          *slot.mutable_end_time() = s.end_time();
          slot.set_venue(s.venue());
          slot.set_remote_available(s.remote_available());
          *slot.mutable_create_time() = ToTimestamp(now);
          slots.push_back(std::move(slot));
        }
        v1::Conference updated = read.conference;
        if (req.has_availability_deadline()) {
          *updated.mutable_availability_deadline() = req.availability_deadline();
        }
        *updated.mutable_update_time() = ToTimestamp(now);
        return store_.Replace(
            caller.tenant, read.version, updated, key, [&](pqxx::work& tx) -> absl::Status {
              SlotStore::InsertSlots(tx, caller.tenant, IdOf(req.parent()), slots);
              return absl::OkStatus();
            });
      });
  if (!changed.ok()) return changed.status();
  for (auto& slot : slots) *resp.add_slots() = std::move(slot);
  if (changed->has_availability_deadline()) {
    *resp.mutable_availability_deadline() = changed->availability_deadline();
  }
  // The family's pages and the reminders read the deadline from invitations' copy.
  RefreshFamilyView(*peers_, caller, changed->name());
  return absl::OkStatus();
}

absl::Status SchedulingService::ListSlots(const Caller& caller, const v1::ListSlotsRequest& req,
                                          v1::ListSlotsResponse& resp) {
  if (caller.kind == Caller::Kind::kFamily) return FamilyListSlots(caller, req, resp);
  return ListSlotsOf(caller, req, resp);
}

absl::Status SchedulingService::FamilyListSlots(const Caller& caller,
                                                const v1::ListSlotsRequest& req,
                                                v1::ListSlotsResponse& resp) {
  auto family = server::ResolveFamilyInvitation(*peers_, caller);
  if (!family.ok()) return family.status();
  auto parent = server::OwnNameOr(req.parent(), family->conference, "conference");
  if (!parent.ok()) return parent.status();
  v1::ListSlotsRequest own = req;
  own.set_parent(*parent);
  if (absl::Status s = ListSlotsOf(family->ResolvedCaller(caller), own, resp); !s.ok()) return s;
  KeepOnlyAnswersOf(family->member, resp);
  return absl::OkStatus();
}

absl::Status SchedulingService::ListSlotsOf(const Caller& caller, const v1::ListSlotsRequest& req,
                                            v1::ListSlotsResponse& resp) {
  if (!req.filter().empty()) {
    return FieldError("filter", "slots are listed whole, earliest first; leave filter empty");
  }
  if (req.page_size() < 0) return FieldError("page_size", "must not be negative");
  const int page_size =
      req.page_size() == 0 ? kDefaultPageSize : std::min(req.page_size(), kMaxPageSize);
  auto loaded = Load(caller, req.parent(), "parent");
  if (!loaded.ok()) return loaded.status();
  std::string after;
  if (!req.page_token().empty()) {
    auto cursor = listing::ParsePageToken(req.page_token(), req.parent());
    if (!cursor.ok()) return cursor.status();
    after = *cursor;
  }
  auto page = slots_.List(caller.tenant, IdOf(req.parent()), after, page_size + 1,
                          /*with_answers=*/true);
  if (!page.ok()) return page.status();
  for (int i = 0; i < static_cast<int>(page->slots.size()) && i < page_size; ++i) {
    *resp.add_slots() = page->slots[i];
  }
  if (static_cast<int>(page->slots.size()) > page_size) {
    resp.set_next_page_token(listing::MakePageToken(page->cursors[page_size - 1], req.parent()));
  }
  if (loaded->conference.has_availability_deadline()) {
    *resp.mutable_availability_deadline() = loaded->conference.availability_deadline();
  }
  resp.set_time_zone(loaded->conference.time_zone());
  return absl::OkStatus();
}

absl::Status SchedulingService::RecordAvailability(const Caller& caller,
                                                   const v1::RecordAvailabilityRequest& req,
                                                   v1::RecordAvailabilityResponse& resp) {
  if (caller.kind == Caller::Kind::kFamily) return FamilyRecordAvailability(caller, req, resp);
  return RecordAvailabilityOf(caller, req, resp);
}

absl::Status SchedulingService::FamilyRecordAvailability(const Caller& caller,
                                                         const v1::RecordAvailabilityRequest& req,
                                                         v1::RecordAvailabilityResponse& resp) {
  auto family = server::ResolveFamilyInvitation(*peers_, caller);
  if (!family.ok()) return family.status();
  auto member = server::OwnNameOr(req.name(), family->member, "answers");
  if (!member.ok()) return member.status();
  if (family->opened.member().restriction().kind() == v1::RESTRICTION_KIND_EXCLUDED) {
    return FailedPrecondition("MEMBER_RESTRICTED",
                              "you take part without coming to the meeting; ask your coordinator",
                              {{"MEMBER_RESTRICTED", *member, "RESTRICTION_KIND_EXCLUDED"}});
  }
  // Named in full before the request key is made, so that two members sending the same
  // request id and answers never replay each other's.
  v1::RecordAvailabilityRequest own = req;
  own.set_name(*member);
  return RecordAvailabilityOf(family->ResolvedCaller(caller), own, resp);
}

absl::Status SchedulingService::RecordAvailabilityOf(const Caller& caller,
                                                     const v1::RecordAvailabilityRequest& req,
                                                     v1::RecordAvailabilityResponse& resp) {
  const size_t members = req.name().find("/members/");
  if (members == std::string::npos || req.name().size() == members + 9) {
    return FieldError("name", "must be tenants/{tenant}/conferences/{conference}/members/{member}");
  }
  const std::string conference = req.name().substr(0, members);
  auto key = RequestKeyOf(req.request_id(), "RecordAvailability", req);
  if (!key.ok()) return key.status();
  if (absl::Status s = CheckAnswers(req, conference); !s.ok()) return s;
  auto loaded = Load(caller, conference, "name");
  if (!loaded.ok()) return loaded.status();
  const absl::Time now = absl::Now();
  if (loaded->conference.has_availability_deadline() &&
      now > ToAbslTime(loaded->conference.availability_deadline())) {
    return FailedPrecondition("AVAILABILITY_CLOSED", "answers about these times have closed",
                              {{"AVAILABILITY_CLOSED", conference, "the deadline has passed"}});
  }
  std::vector<v1::Availability> answers(req.availability().begin(), req.availability().end());
  auto recorded = slots_.RecordAnswers(caller.tenant, IdOf(conference), req.name(), answers,
                                       server::ActorOf(caller), now, *key);
  if (!recorded.ok()) return recorded.status();
  for (auto& a : *recorded) *resp.add_availability() = std::move(a);
  return absl::OkStatus();
}

absl::Status SchedulingService::SuggestSlots(const Caller& caller,
                                             const v1::SuggestSlotsRequest& req,
                                             v1::SuggestSlotsResponse& resp) {
  if (req.max_suggestions() < 0 || req.max_suggestions() > kMaxSuggestions) {
    return FieldError("max_suggestions", "0 (for 10) to 100");
  }
  auto loaded = Load(caller, req.parent(), "parent");
  if (!loaded.ok()) return loaded.status();
  auto network = NetworkOf(*peers_, caller, req.parent());
  if (!network.ok()) return network.status();
  // Who counts: everyone invited who is not excluded (views-only members send views; they do
  // not come).
  std::vector<Participant> participants;
  std::map<std::string, size_t> column;
  for (const v1::NetworkMember& member : *network) {
    const auto kind = member.restriction().kind();
    if (kind == v1::RESTRICTION_KIND_EXCLUDED || kind == v1::RESTRICTION_KIND_VIEWS_ONLY) {
      continue;
    }
    column[member.name()] = participants.size();
    participants.push_back(ParticipantFromMember(member));
  }
  std::vector<v1::Slot> slots;
  std::string after;
  do {
    auto page = slots_.List(caller.tenant, IdOf(req.parent()), after, kMaxSlots,
                            /*with_answers=*/true);
    if (!page.ok()) return page.status();
    for (auto& slot : page->slots) slots.push_back(std::move(slot));
    after = static_cast<int>(page->slots.size()) == kMaxSlots ? page->cursors.back() : "";
  } while (!after.empty());
  // The answers straight into the grid (reading them back out of the slots' messages would cost
  // most of the ranking's time budget).
  AvailabilityGrid grid(participants.size(), slots.size());
  for (size_t s = 0; s < slots.size(); ++s) {
    for (const v1::Availability& a : slots[s].availability()) {
      if (auto it = column.find(a.member()); it != column.end()) {
        grid.Set(it->second, s, a.answer(), a.mode());
      }
    }
    slots[s].clear_availability();
  }
  SlotRanking ranking =
      RankSlots(participants, slots, grid, {req.max_suggestions(), absl::Now(), false});
  resp = std::move(ranking.response);
  return absl::OkStatus();
}

}  // namespace fgc::scheduling
