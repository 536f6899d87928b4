#include "services/invitations/network/network_map.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/invitations/network/ecomap_layout.h"
#include "services/invitations/network/xml_text.h"

namespace fgc::invitations {
namespace {

constexpr size_t kNameCharacters = 20;
constexpr size_t kWordsCharacters = 24;

constexpr char kStyle[] =
    "<style type=\"text/css\">"
    "text{font:11px sans-serif;text-anchor:middle;fill:#222;paint-order:stroke;stroke:#fff;"
    "stroke-width:3px;stroke-linejoin:round}"
    ".link{fill:none;stroke:#555;stroke-width:2}.s{stroke-width:5}.t{stroke-dasharray:6 5}"
    ".x{stroke:#b3261e}.u{stroke:#999;stroke-width:1}"
    ".person circle,.person rect{stroke:#222;stroke-width:1.5}.c circle{fill:#ffd966}"
    ".k circle{fill:#9fc5e8}.f circle{fill:#d9ead3}.p rect{fill:#eee}"
    ".hub{fill:none;stroke:#888;stroke-dasharray:3 3}.legend text{text-anchor:start}"
    "</style>";

// The CSS class of a line of this strength (see kStyle and the legend).
const char* LineClass(v1::ConnectionStrength strength) {
  switch (strength) {
    case v1::CONNECTION_STRENGTH_STRONG:
      return "s";
    case v1::CONNECTION_STRENGTH_MODERATE:
      return "m";
    case v1::CONNECTION_STRENGTH_TENUOUS:
      return "t";
    case v1::CONNECTION_STRENGTH_STRESSFUL:
      return "x";
    default:
      return "u";
  }
}

const char* NodeClass(Ring ring) {
  switch (ring) {
    case Ring::kCentre:
      return "c";
    case Ring::kInner:
      return "k";
    case Ring::kOuter:
      return "p";
    case Ring::kMiddle:
      break;
  }
  return "f";
}

const char* RoleLabel(int role) {
  switch (role) {
    case v1::MEMBER_ROLE_CHILD:
      return "Child";
    case v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY:
      return "Parental responsibility";
    case v1::MEMBER_ROLE_CARER:
      return "Carer";
    case v1::MEMBER_ROLE_ADVOCATE:
      return "Advocate";
    case v1::MEMBER_ROLE_SUPPORTER:
      return "Supporter";
    case v1::MEMBER_ROLE_PROFESSIONAL:
      return "Professional";
    default:
      return nullptr;
  }
}

std::string RolesText(const v1::NetworkMember& member) {
  std::vector<std::string> labels;
  for (int role : member.roles()) {
    const char* label = RoleLabel(role);
    if (label != nullptr) labels.emplace_back(label);
  }
  return labels.empty() ? "Family or friend" : absl::StrJoin(labels, ", ");
}

// The two lines under a node: who, and how they relate (or their roles, when redacted).
std::pair<std::string, std::string> Labels(const PlacedMember& p, MapDetail detail) {
  if (detail == MapDetail::kRolesOnly) {
    return {absl::StrCat("Member ", p.number), Shortened(RolesText(*p.member), kWordsCharacters)};
  }
  return {Shortened(p.member->display_name(), kNameCharacters),
          Shortened(p.member->relationship(), kWordsCharacters)};
}

// The way a line runs: from `a` to `b`, bowed through `control` (a quadratic Bézier curve);
// a straight line has its control point halfway.
struct Course {
  Point a, control, b;
  bool curved = false;
};

Point Toward(Point from, Point to, double distance) {
  const double dx = to.x - from.x, dy = to.y - from.y;
  const double length = std::max(1.0, std::hypot(dx, dy));
  return {from.x + static_cast<int>(std::lround(dx * distance / length)),
          from.y + static_cast<int>(std::lround(dy * distance / length))};
}

// From the edge of one mark to the edge of the other, straight.
Course Straight(Point a, int a_radius, Point b, int b_radius) {
  Course c;
  c.a = Toward(a, b, a_radius);
  c.b = Toward(b, a, b_radius);
  c.control = {(c.a.x + c.b.x) / 2, (c.a.y + c.b.y) / 2};
  return c;
}

// Between two members, bowed away from the centre so that it does not run through the child
// or along the lines to the child.
Course Bowed(Point a, int a_radius, Point b, int b_radius, Point centre) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length = std::max(1.0, std::hypot(dx, dy));
  const double mid_x = (a.x + b.x) / 2.0, mid_y = (a.y + b.y) / 2.0;
  double nx = -dy / length, ny = dx / length;
  if (nx * (mid_x - centre.x) + ny * (mid_y - centre.y) < 0) nx = -nx, ny = -ny;
  Course c;
  c.curved = true;
  c.control = {static_cast<int>(std::lround(mid_x + nx * length * 0.3)),
               static_cast<int>(std::lround(mid_y + ny * length * 0.3))};
  c.a = Toward(a, c.control, a_radius);
  c.b = Toward(b, c.control, b_radius);
  return c;
}

// A stressful connection is a zigzag along its course, the ecomap's usual mark for conflict.
std::string Zigzag(const Course& c) {
  const double length = std::hypot(c.control.x - c.a.x, c.control.y - c.a.y) +
                        std::hypot(c.b.x - c.control.x, c.b.y - c.control.y);
  const int teeth = std::max(2, static_cast<int>(length / 12));
  std::string points = absl::StrCat(c.a.x, ",", c.a.y);
  for (int i = 1; i < teeth; ++i) {
    const double t = static_cast<double>(i) / teeth, u = 1 - t;
    const double x = u * u * c.a.x + 2 * u * t * c.control.x + t * t * c.b.x;
    const double y = u * u * c.a.y + 2 * u * t * c.control.y + t * t * c.b.y;
    const double tx = u * (c.control.x - c.a.x) + t * (c.b.x - c.control.x);
    const double ty = u * (c.control.y - c.a.y) + t * (c.b.y - c.control.y);
    const double tangent = std::max(1e-9, std::hypot(tx, ty));
    const double side = i % 2 == 0 ? -4 : 4;
    absl::StrAppend(&points, " ", std::lround(x - ty / tangent * side), ",",
                    std::lround(y + tx / tangent * side));
  }
  absl::StrAppend(&points, " ", c.b.x, ",", c.b.y);
  return points;
}

void AppendLine(std::string& svg, v1::ConnectionStrength strength, const Course& c) {
  const char* cls = LineClass(strength);
  if (strength == v1::CONNECTION_STRENGTH_STRESSFUL) {
    absl::StrAppend(&svg, "<polyline class=\"link ", cls, "\" points=\"", Zigzag(c), "\"/>");
  } else if (c.curved) {
    absl::StrAppend(&svg, "<path class=\"link ", cls, "\" d=\"M", c.a.x, " ", c.a.y, "Q",
                    c.control.x, " ", c.control.y, " ", c.b.x, " ", c.b.y, "\"/>");
  } else {
    absl::StrAppend(&svg, "<line class=\"link ", cls, "\" x1=\"", c.a.x, "\" y1=\"", c.a.y,
                    "\" x2=\"", c.b.x, "\" y2=\"", c.b.y, "\"/>");
  }
}

void AppendLines(std::string& svg, const EcomapLayout& layout) {
  std::map<std::string, size_t> index_by_name;
  for (size_t i = 0; i < layout.members.size(); ++i) {
    const std::string& name = layout.members[i].member->name();
    if (!name.empty()) index_by_name.emplace(name, i);
  }
  svg += "<g>";
  for (const PlacedMember& p : layout.members) {
    if (p.ring == Ring::kCentre) continue;
    AppendLine(svg, p.member->connection(),
               Straight(layout.centre, layout.hub_radius, p.at, p.radius));
  }
  std::set<std::pair<size_t, size_t>> drawn;
  for (size_t i = 0; i < layout.members.size(); ++i) {
    for (const v1::MemberRelationship& r : layout.members[i].member->relationships()) {
      auto other = index_by_name.find(r.member());
      if (other == index_by_name.end() || other->second == i) continue;
      if (!drawn.insert(std::minmax(i, other->second)).second) continue;
      const PlacedMember& a = layout.members[i];
      const PlacedMember& b = layout.members[other->second];
      AppendLine(svg, r.strength(), Bowed(a.at, a.radius, b.at, b.radius, layout.centre));
    }
  }
  svg += "</g>";
}

void AppendMark(std::string& svg, Ring ring, Point at, int radius) {
  if (ring == Ring::kOuter) {
    absl::StrAppend(&svg, "<rect x=\"", at.x - radius, "\" y=\"", at.y - radius, "\" width=\"",
                    2 * radius, "\" height=\"", 2 * radius, "\"/>");
  } else {
    absl::StrAppend(&svg, "<circle cx=\"", at.x, "\" cy=\"", at.y, "\" r=\"", radius, "\"/>");
  }
}

void AppendPeople(std::string& svg, const EcomapLayout& layout, MapDetail detail) {
  const bool has_child = std::any_of(layout.members.begin(), layout.members.end(),
                                     [](const PlacedMember& p) { return p.ring == Ring::kCentre; });
  if (!has_child || layout.hub_radius > 24) {
    // Several children share a circle; with none recorded yet, the centre still marks them.
    absl::StrAppend(&svg, "<circle class=\"hub\" cx=\"", layout.centre.x, "\" cy=\"",
                    layout.centre.y, "\" r=\"", layout.hub_radius, "\"/>");
    if (!has_child) {
      absl::StrAppend(&svg, "<text x=\"", layout.centre.x, "\" y=\"", layout.centre.y + 4,
                      "\">Child</text>");
    }
  }
  for (const PlacedMember& p : layout.members) {
    auto [first, second] = Labels(p, detail);
    absl::StrAppend(&svg, "<g class=\"person ", NodeClass(p.ring), "\">");
    AppendMark(svg, p.ring, p.at, p.radius);
    const int y = p.at.y + p.radius + 12;
    absl::StrAppend(&svg, "<text x=\"", p.at.x, "\" y=\"", y, "\">", XmlEscaped(first),
                    "</text><text x=\"", p.at.x, "\" y=\"", y + 13, "\">", XmlEscaped(second),
                    "</text></g>");
  }
}

void AppendLegend(std::string& svg, bool with_professionals) {
  struct LineSample {
    v1::ConnectionStrength strength;
    const char* label;
  };
  constexpr LineSample kLines[] = {
      {v1::CONNECTION_STRENGTH_STRONG, "Strong"},
      {v1::CONNECTION_STRENGTH_MODERATE, "Ordinary"},
      {v1::CONNECTION_STRENGTH_TENUOUS, "Weak or distant"},
      {v1::CONNECTION_STRENGTH_STRESSFUL, "Stressful"},
      {v1::CONNECTION_STRENGTH_UNSPECIFIED, "Not known"},
  };
  const int top = EcomapLayout::kLegendTop;
  absl::StrAppend(&svg, "<g class=\"legend\"><text x=\"20\" y=\"", top, "\">Connections</text>");
  int x = 20;
  for (const LineSample& sample : kLines) {
    AppendLine(svg, sample.strength, Straight({x, top + 20}, 0, {x + 40, top + 20}, 0));
    absl::StrAppend(&svg, "<text x=\"", x + 48, "\" y=\"", top + 24, "\">", sample.label,
                    "</text>");
    x += 165;
  }
  absl::StrAppend(&svg, "<text x=\"20\" y=\"", top + 60, "\">People</text>");
  struct NodeSample {
    Ring ring;
    const char* label;
  };
  constexpr NodeSample kNodes[] = {
      {Ring::kCentre, "Child"},
      {Ring::kInner, "Parental responsibility or carer"},
      {Ring::kMiddle, "Family and friends"},
      {Ring::kOuter, "Professional"},
  };
  x = 30;
  for (const NodeSample& sample : kNodes) {
    if (sample.ring == Ring::kOuter && !with_professionals) continue;
    absl::StrAppend(&svg, "<g class=\"", NodeClass(sample.ring), "\">");
    AppendMark(svg, sample.ring, {x, top + 84}, 8);
    absl::StrAppend(&svg, "<text x=\"", x + 14, "\" y=\"", top + 88, "\">", sample.label,
                    "</text></g>");
    x += sample.ring == Ring::kInner ? 230 : 150;
  }
  svg += "</g>";
}

std::string Description(const EcomapLayout& layout, bool with_professionals) {
  int count[4] = {0, 0, 0, 0};
  for (const PlacedMember& p : layout.members) ++count[static_cast<int>(p.ring)];
  std::string text = absl::StrCat(
      "An ecomap of the family network. At the centre, ", count[0], " child or children. ",
      "On the inner ring, ", count[1], " with parental responsibility or caring for the child. ",
      "On the middle ring, ", count[2], " family members, friends and supporters.");
  if (with_professionals) {
    absl::StrAppend(&text, " On the outer ring, ", count[3], " professionals.");
  }
  absl::StrAppend(&text,
                  " Lines join people to the child and to each other: thick for a strong "
                  "connection, plain for an ordinary one, dashed for a weak one, zigzag for a "
                  "stressful one, thin grey where it is not known.");
  return text;
}

}  // namespace

bool IsRightToLeft(const std::string& language_code) {
  static const std::set<std::string> kRightToLeft = {"ar", "arc", "ckb", "dv", "fa", "he",
                                                     "ps", "sd",  "ug",  "ur", "yi"};
  std::string primary = language_code.substr(0, language_code.find('-'));
  std::transform(primary.begin(), primary.end(), primary.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return kRightToLeft.count(primary) > 0;
}

std::vector<const v1::NetworkMember*> MembersOnMap(const std::vector<v1::NetworkMember>& members,
                                                   const NetworkMapOptions& options) {
  std::vector<const v1::NetworkMember*> shown;
  for (const v1::NetworkMember& m : members) {
    if (options.include_professionals || RingOf(m) != Ring::kOuter) shown.push_back(&m);
  }
  std::stable_sort(shown.begin(), shown.end(),
                   [](const auto* a, const auto* b) { return a->name() < b->name(); });
  return shown;
}

std::string RenderNetworkMap(const std::vector<v1::NetworkMember>& members,
                             const NetworkMapOptions& options) {
  const EcomapLayout layout = LayOutEcomap(MembersOnMap(members, options));
  const std::string lang = options.language_code.empty() ? "en" : options.language_code;
  std::string svg = absl::StrCat(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"",
      EcomapLayout::kWidth, "\" height=\"", EcomapLayout::kHeight, "\" viewBox=\"0 0 ",
      EcomapLayout::kWidth, " ", EcomapLayout::kHeight,
      "\" role=\"img\" aria-labelledby=\"map-title map-desc\" xml:lang=\"", XmlEscaped(lang), "\"",
      IsRightToLeft(lang) ? " direction=\"rtl\"" : "", ">");
  absl::StrAppend(&svg, "<title id=\"map-title\">Family network map",
                  options.detail == MapDetail::kRolesOnly ? " (names left out)" : "",
                  "</title><desc id=\"map-desc\">",
                  Description(layout, options.include_professionals), "</desc>", kStyle);
  AppendLines(svg, layout);
  AppendPeople(svg, layout, options.detail);
  AppendLegend(svg, options.include_professionals);
  svg += "</svg>\n";
  return svg;
}

}  // namespace fgc::invitations
