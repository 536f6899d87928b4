// RenderNetworkMap's picture: the family network as an SVG ecomap, with only the personal
// details the caller's role may see.
//
// How it is drawn (the conventions of ecomaps in family group conferencing practice):
//  - the child is at the centre (several children share a circle there);
//  - members sit on three rings by role: those with parental responsibility and main carers
//    on the inner ring, everyone else the family counts as family (relatives, friends,
//    advocates, supporters) on the middle ring, professionals on the outer ring, drawn as
//    squares;
//  - a line joins each member to the centre, styled by `NetworkMember.connection`, and lines
//    join members by their `relationships`, styled by `MemberRelationship.strength`:
//    strong is thick, moderate plain, tenuous dashed, stressful a zigzag, unknown thin grey.
//    Styles differ in shape, not only colour, so the map reads in greyscale too.
//  - a legend explains both; `<title>` and `<desc>` say the same for screen readers.
// The output depends only on the members and the options: members are drawn in the order of
// their resource names, so the same network always gives the same bytes.
#pragma once

#include <string>
#include <vector>

#include "fgc/v1/network.pb.h"

namespace fgc::invitations {

// How much of each person the map shows.
enum class MapDetail {
  // Names (`display_name`) and the family's words for each relationship: for the coordinator
  // and managers.
  kFull,
  // Members as "Member 3" with their roles and connection styles only: no names, no
  // relationship words, no contact details (referrers, agency systems, auditors).
  kRolesOnly,
};

struct NetworkMapOptions {
  MapDetail detail = MapDetail::kRolesOnly;  // fail closed: full detail must be asked for
  bool include_professionals = false;
  // BCP 47 tag put on the document; right-to-left scripts (Arabic, Hebrew, Persian, Urdu...)
  // also get direction="rtl". The fixed labels are English.
  std::string language_code;
};

// The members drawn: everyone given, less professionals unless asked for.
std::vector<const v1::NetworkMember*> MembersOnMap(const std::vector<v1::NetworkMember>& members,
                                                   const NetworkMapOptions& options);

// A standalone SVG 1.1 document (UTF-8): no scripts, no external references.
std::string RenderNetworkMap(const std::vector<v1::NetworkMember>& members,
                             const NetworkMapOptions& options);

// True for languages written right to left.
bool IsRightToLeft(const std::string& language_code);

}  // namespace fgc::invitations
