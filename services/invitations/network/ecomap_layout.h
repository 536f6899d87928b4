// Where each member of the network map goes: the child at the centre, others on rings by
// role. Pure geometry, integers only, so the same members always land on the same pixels.
#pragma once

#include <vector>

#include "fgc/v1/network.pb.h"

namespace fgc::invitations {

struct Point {
  int x = 0;
  int y = 0;
};

enum class Ring {
  kCentre,  // the child (or children)
  kInner,   // parental responsibility, main carers
  kMiddle,  // family and friends, advocates, supporters
  kOuter,   // professionals
};

Ring RingOf(const v1::NetworkMember& member);

struct PlacedMember {
  const v1::NetworkMember* member = nullptr;
  Ring ring = Ring::kMiddle;
  Point at;
  int radius = 0;  // of the node's mark
  int number = 0;  // 1-based, in drawing order: "Member 3" on a redacted map
};

struct EcomapLayout {
  static constexpr int kWidth = 860;
  static constexpr int kHeight = 960;  // the map, then the legend below it
  static constexpr int kLegendTop = 820;

  Point centre;
  // The circle around the child or children that lines from the centre end at.
  int hub_radius = 0;
  std::vector<PlacedMember> members;  // in the order given
};

// `members` in drawing order (the caller sorts them).
EcomapLayout LayOutEcomap(const std::vector<const v1::NetworkMember*>& members);

}  // namespace fgc::invitations
