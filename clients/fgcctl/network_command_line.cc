#include "clients/fgcctl/network_command_line.h"

#include <utility>

#include "absl/strings/str_join.h"

namespace fgc::ctl {

NetworkCommandLine::NetworkCommandLine(CLI::App& app, std::function<Connection()> connect,
                                       const bool& json, int& exit_code)
    : connect_(std::move(connect)), json_(json), exit_code_(exit_code) {
  CLI::App* network = app.add_subcommand(
      "network", "the family network: everyone the family counts as family, and professionals");
  network->require_subcommand(1);
  AddAdd(*network);
  AddReads(*network);
  AddChanges(*network);
}

void NetworkCommandLine::AddAdd(CLI::App& network) {
  CLI::App* add = network.add_subcommand(
      "add", "add a person to the network (from flags, or a NetworkMember as protobuf JSON)");
  ConferenceArgument(add, add_.conference);
  TenantFlag(add, add_.tenant, false, "the tenant, when the conference is given by its id");
  MemberFlags& m = add_.member;
  add->add_option("--from", m.file, "a NetworkMember as protobuf JSON; flags fill in on top");
  add->add_option("--name", m.display_name, "the name the family uses for them");
  add->add_option("--relationship", m.relationship,
                  "in the family's words: Nan, Mum's partner, next-door neighbour");
  add->add_option("--role", m.roles,
                  "repeatable: child, parental-responsibility, carer, advocate, supporter, "
                  "professional (none: family or friend)")
      ->allow_extra_args(false);
  add->add_option("--child", m.child, "for the child: which of the conference's children (id)");
  add->add_option("--language", m.language, "preferred language, BCP 47 (e.g. pl)");
  add->add_option("--time-zone", m.time_zone, "their IANA time zone, if not the conference's");
  add->add_option("--email", m.email, "email address");
  add->add_option("--mobile", m.mobile, "mobile number for texts, E.164 (+447700900123)");
  add->add_option("--phone", m.phone, "telephone for calls, E.164");
  add->add_option("--need", m.needs,
                  "repeatable kind[:details]: interpreter:LANG, access, travel, childcare, "
                  "dietary, other")
      ->allow_extra_args(false);
  add->add_option("--notes", m.notes, "the coordinator's notes (staff only)");
  add->add_option("--agency", m.agency, "a professional's agency");
  add->add_option("--connection", m.connection,
                  "to the child: strong, moderate, tenuous, stressful");
  add->add_option("--id", add_.id, "the member id to ask for (no personal data in it)");
  RequestIdFlag(add, add_.request_id);
  add->callback([this] { exit_code_ = RunAddMember(connect_(), add_, json_); });
}

void NetworkCommandLine::AddReads(CLI::App& network) {
  CLI::App* get = network.add_subcommand("get", "one member: roles, needs, contacts, restriction");
  InConferenceArguments(get, "members", get_.member, get_.conference, get_.tenant);
  get->callback([this] { exit_code_ = RunGetMember(connect_(), get_, json_); });

  CLI::App* list = network.add_subcommand("list", "the network, the child first, one line each");
  ConferenceArgument(list, list_.conference);
  TenantFlag(list, list_.tenant, false, "the tenant, when the conference is given by its id");
  PageFlags(list, list_.page, "members",
            "on roles and restriction.kind; e.g. 'roles = MEMBER_ROLE_PARENTAL_RESPONSIBILITY'");
  list->callback([this] { exit_code_ = RunListMembers(connect_(), list_, json_); });

  CLI::App* map = network.add_subcommand(
      "map", "the network as an SVG ecomap, the child at the centre (to --out or stdout)");
  ConferenceArgument(map, map_.conference);
  TenantFlag(map, map_.tenant, false, "the tenant, when the conference is given by its id");
  map->add_option("--language", map_.language, "language of the labels, BCP 47");
  map->add_flag("--professionals", map_.professionals, "draw professionals too");
  OutFlag(map, map_.out, "SVG");
  map->callback([this] { exit_code_ = RunNetworkMap(connect_(), map_, json_); });
}

void NetworkCommandLine::AddChanges(CLI::App& network) {
  CLI::App* update = network.add_subcommand(
      "update", "change a member; refused, not overwritten, if they changed meanwhile");
  InConferenceArguments(update, "members", update_.member.member, update_.member.conference,
                        update_.member.tenant);
  ChangeFlags(update, update_.change,
              {.paths = absl::StrJoin(MemberSettablePaths(), ", "),
               .file = "a NetworkMember as protobuf JSON",
               .mask_example = "needs,contacts,roles",
               .what = "the member"});
  RequestIdFlag(update, update_.request_id);
  update->callback([this] { exit_code_ = RunUpdateMember(connect_(), update_, json_); });

  CLI::App* remove = network.add_subcommand(
      "remove", "remove a person and revoke their invitation (ledger entries stay)");
  InConferenceArguments(remove, "members", remove_.member.member, remove_.member.conference,
                        remove_.member.tenant);
  remove->add_option("--reason", remove_.reason, "why they are removed");
  EtagFlag(remove, remove_.etag, "the member");
  RequestIdFlag(remove, remove_.request_id);
  remove->callback([this] { exit_code_ = RunRemoveMember(connect_(), remove_, json_); });
}

}  // namespace fgc::ctl
