#include "clients/fgcctl/venue_command_line.h"

#include <utility>

namespace fgc::ctl {

VenueCommandLine::VenueCommandLine(CLI::App& app, std::function<Connection()> connect,
                                   const bool& json, int& exit_code)
    : connect_(std::move(connect)), json_(json), exit_code_(exit_code) {
  CLI::App* venue =
      app.add_subcommand("venue", "venues: where conferences are held, ideally neutral ground");
  venue->require_subcommand(1);
  AddCreate(*venue);

  CLI::App* get = venue->add_subcommand("get", "one venue: address, seats, what it offers");
  get->add_option("venue", get_.venue, "tenants/{tenant}/venues/{id}, or its id with --tenant")
      ->required();
  TenantFlag(get, get_.tenant, false, "the tenant, when the venue is given by its id");
  get->callback([this] { exit_code_ = RunGetVenue(connect_(), get_, json_); });

  CLI::App* list = venue->add_subcommand("list", "venues by name, one line each");
  TenantFlag(list, list_.tenant, true);
  PageFlags(list, list_.page, "venues",
            "on neutral, time_zone, accessibility_features; e.g. 'neutral = true'");
  list->callback([this] { exit_code_ = RunListVenues(connect_(), list_, json_); });
}

void VenueCommandLine::AddCreate(CLI::App& venue) {
  CLI::App* create = venue.add_subcommand(
      "create", "add a venue (from flags, or a Venue as protobuf JSON with --from)");
  VenueFlags& v = create_.venue;
  TenantFlag(create, create_.tenant, true);
  create->add_option("--from", v.file, "a Venue as protobuf JSON; flags given fill in on top");
  create->add_option("--name", v.display_name, "its name as families see it");
  create->add_option("--address-line", v.address_lines, "a street address line, repeatable")
      ->allow_extra_args(false);
  create->add_option("--locality", v.locality, "town or city");
  create->add_option("--postal-code", v.postal_code, "postal code");
  create->add_option("--region", v.region, "CLDR region code, e.g. GB or NZ");
  create->add_option("--time-zone", v.time_zone, "IANA time zone, e.g. Europe/London");
  create->add_option("--capacity", v.capacity, "seats in the meeting room");
  create->add_flag("--neutral", v.neutral,
                   "neither the referring agency's nor children's services'");
  create
      ->add_option("--feature", v.features,
                   "repeatable: step-free-access, accessible-toilet, hearing-loop, "
                   "accessible-parking, public-transport, private-family-room, "
                   "video-conferencing, catering, child-friendly-space, quiet-room, prayer-room")
      ->allow_extra_args(false);
  create->add_option("--access-notes", v.accessibility_notes, "access and comfort, plain words");
  create->add_option("--directions", v.directions, "how to get there and find the room");
  create->add_option("--id", create_.id, "the venue id to ask for (default: the service picks)");
  RequestIdFlag(create, create_.request_id);
  create->callback([this] { exit_code_ = RunCreateVenue(connect_(), create_, json_); });
}

}  // namespace fgc::ctl
