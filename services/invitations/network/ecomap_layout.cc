#include "services/invitations/network/ecomap_layout.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fgc::invitations {
namespace {

constexpr int kMemberRadius = 16;
constexpr int kChildRadius = 24;
// Below this much arc per member, neighbours' labels would touch: alternate members step in
// and out from the ring.
constexpr double kCrowdedArc = 120.0;
constexpr int kStagger = 30;

bool HasRole(const v1::NetworkMember& m, v1::MemberRole role) {
  return std::find(m.roles().begin(), m.roles().end(), role) != m.roles().end();
}

int RingRadius(Ring ring) {
  switch (ring) {
    case Ring::kInner:
      return 140;
    case Ring::kMiddle:
      return 235;
    case Ring::kOuter:
      return 330;
    case Ring::kCentre:
      break;
  }
  return 0;
}

// Rings start at different angles so that their members do not line up on one spoke.
double RingPhase(Ring ring) {
  switch (ring) {
    case Ring::kInner:
      return 0.0;
    case Ring::kMiddle:
      return 0.5;
    case Ring::kOuter:
      return 0.25;
    case Ring::kCentre:
      break;
  }
  return 0.0;
}

Point OnCircle(Point centre, double radius, double turns) {
  const double angle = 2 * std::numbers::pi * turns - std::numbers::pi / 2;  // from the top
  return {centre.x + static_cast<int>(std::lround(radius * std::cos(angle))),
          centre.y + static_cast<int>(std::lround(radius * std::sin(angle)))};
}

// Places the `indexes` of `layout.members` that are on `ring` evenly around it.
void PlaceRing(EcomapLayout& layout, Ring ring, const std::vector<size_t>& indexes) {
  const size_t n = indexes.size();
  if (n == 0) return;
  int radius = RingRadius(ring);
  if (ring == Ring::kCentre) {
    if (n == 1) return;  // the one child sits at the centre itself
    radius = std::max(34, static_cast<int>(n) * 12);
  }
  const bool crowded = ring != Ring::kCentre && 2 * std::numbers::pi * radius / n < kCrowdedArc;
  for (size_t i = 0; i < n; ++i) {
    // With an odd count the last would meet the first on the same step: it stays between.
    const int step = (n % 2 == 1 && i == n - 1) ? 0 : (i % 2 == 0 ? -kStagger : kStagger);
    const int r = crowded ? radius + step : radius;
    const double phase = ring == Ring::kCentre ? 0.25 : RingPhase(ring);
    layout.members[indexes[i]].at =
        OnCircle(layout.centre, r, (static_cast<double>(i) + phase) / static_cast<double>(n));
  }
  if (ring == Ring::kCentre) layout.hub_radius = radius + kChildRadius + 8;
}

}  // namespace

Ring RingOf(const v1::NetworkMember& member) {
  if (HasRole(member, v1::MEMBER_ROLE_CHILD)) return Ring::kCentre;
  if (HasRole(member, v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY) ||
      HasRole(member, v1::MEMBER_ROLE_CARER)) {
    return Ring::kInner;
  }
  if (HasRole(member, v1::MEMBER_ROLE_PROFESSIONAL)) return Ring::kOuter;
  return Ring::kMiddle;
}

EcomapLayout LayOutEcomap(const std::vector<const v1::NetworkMember*>& members) {
  EcomapLayout layout;
  layout.centre = {EcomapLayout::kWidth / 2, 400};
  layout.hub_radius = kChildRadius;
  std::vector<size_t> by_ring[4];
  for (size_t i = 0; i < members.size(); ++i) {
    PlacedMember placed;
    placed.member = members[i];
    placed.ring = RingOf(*members[i]);
    placed.at = layout.centre;
    placed.radius = placed.ring == Ring::kCentre ? kChildRadius : kMemberRadius;
    placed.number = static_cast<int>(i) + 1;
    layout.members.push_back(placed);
    by_ring[static_cast<int>(placed.ring)].push_back(i);
  }
  for (Ring ring : {Ring::kCentre, Ring::kInner, Ring::kMiddle, Ring::kOuter}) {
    PlaceRing(layout, ring, by_ring[static_cast<int>(ring)]);
  }
  return layout;
}

}  // namespace fgc::invitations
