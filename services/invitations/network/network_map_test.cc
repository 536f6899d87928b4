#include "services/invitations/network/network_map.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

constexpr char kConference[] = "tenants/t1/conferences/c1";

struct Expected {
  int people = 0;
  int lines = 0;
  std::vector<std::string> absent;
};

v1::NetworkMember Member(int id, std::string display_name, std::string relationship,
                         std::vector<v1::MemberRole> roles,
                         v1::ConnectionStrength connection = v1::CONNECTION_STRENGTH_MODERATE) {
  v1::NetworkMember m;
  m.set_name(std::string(kConference) + "/members/m" + (id < 10 ? "0" : "") + std::to_string(id));
  m.set_display_name(std::move(display_name));
  m.set_relationship(std::move(relationship));
  for (v1::MemberRole role : roles) m.add_roles(role);
  m.set_connection(connection);
  return m;
}

void Relate(v1::NetworkMember& from, const v1::NetworkMember& to, v1::ConnectionStrength s) {
  v1::MemberRelationship* r = from.add_relationships();
  r->set_member(to.name());
  r->set_description("sister");
  r->set_strength(s);
}

// A network of eight: one child, two parents, nan, an aunt, a friend, an advocate and a social
// worker; the parents' relationship is stressful (said by both, drawn once).
std::vector<v1::NetworkMember> EightPeople() {
  std::vector<v1::NetworkMember> m = {
      Member(1, "Kai Tane", "The child", {v1::MEMBER_ROLE_CHILD}),
      Member(2, "Aroha Tane", "Mum",
             {v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY, v1::MEMBER_ROLE_CARER},
             v1::CONNECTION_STRENGTH_STRONG),
      Member(3, "Mike Ross", "Dad", {v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY},
             v1::CONNECTION_STRENGTH_TENUOUS),
      Member(4, "Hine Tane", "Nan", {}, v1::CONNECTION_STRENGTH_STRONG),
      Member(5, "Mere Walker", "Aunt (maternal)", {}, v1::CONNECTION_STRENGTH_UNSPECIFIED),
      Member(6, "Sam O'Neil", "Mum's friend", {v1::MEMBER_ROLE_SUPPORTER}),
      Member(7, "Jo Park", "Kai's advocate", {v1::MEMBER_ROLE_ADVOCATE}),
      Member(8, "Dee Shah", "Social worker", {v1::MEMBER_ROLE_PROFESSIONAL},
             v1::CONNECTION_STRENGTH_STRESSFUL),
  };
  Relate(m[1], m[2], v1::CONNECTION_STRENGTH_STRESSFUL);
  Relate(m[2], m[1], v1::CONNECTION_STRENGTH_STRESSFUL);
  Relate(m[3], m[4], v1::CONNECTION_STRENGTH_STRONG);
  m[3].set_notes("Nan's private notes");
  v1::ContactChannel* contact = m[3].add_contacts();
  contact->set_kind(v1::CONTACT_KIND_EMAIL);
  contact->set_value("hine@example.org");
  return m;
}

std::vector<v1::NetworkMember> Thirty() {
  std::vector<v1::NetworkMember> m;
  m.push_back(Member(1, "Child One", "The child", {v1::MEMBER_ROLE_CHILD}));
  m.push_back(Member(2, "Child Two", "Sister", {v1::MEMBER_ROLE_CHILD}));
  for (int i = 3; i <= 30; ++i) {
    std::vector<v1::MemberRole> roles;
    if (i <= 5) roles = {v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY};
    if (i > 24) roles = {v1::MEMBER_ROLE_PROFESSIONAL};
    m.push_back(Member(i, "Person Number " + std::to_string(i), "Cousin's partner", roles,
                       static_cast<v1::ConnectionStrength>(i % 5)));
  }
  return m;
}

// Runs ecomap_check.py (Debian's python3 and its xml.etree) on `svg`; its complaints, or
// empty when it found none.
std::string CheckedByXmlParser(const std::string& svg, const Expected& expected) {
  static int calls = 0;
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string stem = "fgc_ecomap_" + std::to_string(getpid()) + "_" + std::to_string(calls++);
  const std::filesystem::path svg_path = dir / (stem + ".svg");
  const std::filesystem::path expected_path = dir / (stem + ".txt");
  std::ofstream(svg_path, std::ios::binary) << svg;
  {
    std::ofstream out(expected_path, std::ios::binary);
    out << "people " << expected.people << "\nlines " << expected.lines << "\n";
    for (const std::string& text : expected.absent) out << "absent " << text << "\n";
  }
  const std::string command = std::string("/usr/bin/python3 ") + FGC_SOURCE_DIR +
                              "/services/invitations/network/ecomap_check.py " + svg_path.string() +
                              " " + expected_path.string() + " 2>&1";
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "could not run python3";
  char buffer[512];
  while (fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  std::filesystem::remove(svg_path);
  std::filesystem::remove(expected_path);
  if (status != 0 && output.empty()) output = "ecomap_check.py failed";
  return output;
}

NetworkMapOptions Full(bool professionals = true) {
  NetworkMapOptions options;
  options.detail = MapDetail::kFull;
  options.include_professionals = professionals;
  return options;
}

// Lines: one from each of the 7 others to the child, the parents' (once), nan to aunt.
constexpr int kEightLines = 7 + 1 + 1;

TEST(RenderNetworkMap, IsWellFormedWithOneNodePerMemberAndOneLinePerConnection) {
  const std::string svg = RenderNetworkMap(EightPeople(), Full());
  EXPECT_EQ(CheckedByXmlParser(svg, {8, kEightLines, {"hine@example.org", "private notes"}}), "");
  EXPECT_NE(svg.find("Aroha Tane"), std::string::npos);
  EXPECT_NE(svg.find("Aunt (maternal)"), std::string::npos);
}

TEST(RenderNetworkMap, RedactedMapShowsRolesButNoNamesOrRelationshipWords) {
  NetworkMapOptions options = Full();
  options.detail = MapDetail::kRolesOnly;
  const std::string svg = RenderNetworkMap(EightPeople(), options);
  Expected expected{8, kEightLines, {}};
  for (const v1::NetworkMember& m : EightPeople()) {
    expected.absent.push_back(m.display_name());
    expected.absent.push_back(m.relationship());
    expected.absent.push_back(m.display_name().substr(0, m.display_name().find(' ')));
  }
  expected.absent.push_back("sister");
  EXPECT_EQ(CheckedByXmlParser(svg, expected), "");
  EXPECT_NE(svg.find("Member 3"), std::string::npos);
  EXPECT_NE(svg.find("Parental responsibility"), std::string::npos);
  EXPECT_NE(svg.find("(names left out)"), std::string::npos);
}

TEST(RenderNetworkMap, LeavesNamesOutUnlessFullDetailIsAskedFor) {
  const std::string svg = RenderNetworkMap(EightPeople(), NetworkMapOptions{});
  EXPECT_EQ(svg.find("Tane"), std::string::npos);
}

TEST(RenderNetworkMap, LeavesProfessionalsOutUnlessAsked) {
  const std::string svg = RenderNetworkMap(EightPeople(), Full(/*professionals=*/false));
  EXPECT_EQ(CheckedByXmlParser(svg, {7, kEightLines - 1, {"Dee Shah", "Professional"}}), "");
}

TEST(RenderNetworkMap, EscapesMarkupAndDropsCharactersXmlForbids) {
  std::vector<v1::NetworkMember> members = EightPeople();
  members[3].set_display_name("<script>alert(1)</script> & \"Nan\"\x01\xff");
  members[4].set_relationship("]]><svg onload='x'>");
  const std::string svg = RenderNetworkMap(members, Full());
  // The checker refuses script elements and on* attributes; the raw text must not hold the
  // markup either.
  EXPECT_EQ(CheckedByXmlParser(svg, {8, kEightLines, {}}), "");
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<svg onload"), std::string::npos);
}

TEST(RenderNetworkMap, SameNetworkInAnyOrderGivesTheSameBytes) {
  std::vector<v1::NetworkMember> shuffled = EightPeople();
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
  EXPECT_EQ(RenderNetworkMap(shuffled, Full()), RenderNetworkMap(EightPeople(), Full()));
}

TEST(RenderNetworkMap, DrawsAStressfulConnectionAsAZigzag) {
  const std::string svg = RenderNetworkMap(EightPeople(), Full());
  EXPECT_NE(svg.find("<polyline class=\"link x\""), std::string::npos);
}

TEST(RenderNetworkMap, SkipsRelationshipsToMembersNotOnTheMap) {
  std::vector<v1::NetworkMember> members = EightPeople();
  members[5].add_relationships()->set_member(std::string(kConference) + "/members/gone");
  Relate(members[6], members[7], v1::CONNECTION_STRENGTH_STRONG);  // to the professional
  const std::string svg = RenderNetworkMap(members, Full(/*professionals=*/false));
  EXPECT_EQ(CheckedByXmlParser(svg, {7, kEightLines - 1, {}}), "");
}

TEST(RenderNetworkMap, ThirtyMembersAndTwoChildrenFitInAFewKilobytes) {
  const std::string svg = RenderNetworkMap(Thirty(), Full());
  EXPECT_EQ(CheckedByXmlParser(svg, {30, 28, {}}), "");
  EXPECT_LT(svg.size(), 10'000u);
}

TEST(RenderNetworkMap, DrawsTheCentreWhenNoChildIsRecorded) {
  std::vector<v1::NetworkMember> members = EightPeople();
  members.erase(members.begin());
  const std::string svg = RenderNetworkMap(members, Full());
  EXPECT_EQ(CheckedByXmlParser(svg, {7, kEightLines, {}}), "");
  EXPECT_NE(svg.find("class=\"hub\""), std::string::npos);
}

TEST(RenderNetworkMap, MarksRightToLeftLanguages) {
  NetworkMapOptions options = Full();
  options.language_code = "ar-EG";
  const std::string svg = RenderNetworkMap(EightPeople(), options);
  EXPECT_NE(svg.find("xml:lang=\"ar-EG\" direction=\"rtl\""), std::string::npos);
  EXPECT_EQ(RenderNetworkMap(EightPeople(), Full()).find("rtl"), std::string::npos);
}

TEST(IsRightToLeft, KnowsScriptsByPrimaryLanguage) {
  EXPECT_TRUE(IsRightToLeft("he"));
  EXPECT_TRUE(IsRightToLeft("UR-pk"));
  EXPECT_FALSE(IsRightToLeft("en-GB"));
  EXPECT_FALSE(IsRightToLeft("mi"));
  EXPECT_FALSE(IsRightToLeft(""));
}

}  // namespace
}  // namespace fgc::invitations
