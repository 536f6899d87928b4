// fgcctl: the coordinator's and partner agency's command line for fgc.
// Reads FGC_ADDR and FGC_TOKEN (or --addr, --token); prints human output, or JSON with --json;
// exits non-zero on failure with the gRPC status and its details on stderr.
#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "clients/fgcctl/booking_command_line.h"
#include "clients/fgcctl/conference_command_line.h"
#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/dev_token_command.h"
#include "clients/fgcctl/family_command_line.h"
#include "clients/fgcctl/health_command.h"
#include "clients/fgcctl/invitation_command_line.h"
#include "clients/fgcctl/ledger_command_line.h"
#include "clients/fgcctl/network_command_line.h"
#include "clients/fgcctl/plan_command_line.h"
#include "clients/fgcctl/slot_command_line.h"
#include "clients/fgcctl/venue_command_line.h"

int main(int argc, char** argv) {
  CLI::App app{"fgcctl: Family Group Conference coordination from the command line"};
  app.require_subcommand(1);
  // Global flags (--json, --addr, ...) may also follow the subcommand.
  app.fallthrough();
  fgc::ctl::ConnectionOptions connection = fgc::ctl::ConnectionFromEnvironment();
  bool json = false;
  int timeout_seconds = 10;
  app.add_option("--addr", connection.address, "fgc address (env FGC_ADDR)")->capture_default_str();
  app.add_option("--token", connection.token, "bearer token (env FGC_TOKEN)");
  app.add_option("--tls-ca", connection.tls_ca_file, "CA bundle: use TLS (env FGC_TLS_CA)");
  app.add_option("--timeout", timeout_seconds, "seconds per call")->capture_default_str();
  app.add_flag("--json", json, "print JSON for scripts");

  int exit_code = 0;

  std::vector<std::string> health_services;
  CLI::App* health = app.add_subcommand("health", "is each fgc service SERVING?");
  health->add_option("--service", health_services,
                     "a service to ask about (default: all four and the server)");
  health->callback([&] {
    connection.timeout = std::chrono::seconds(timeout_seconds);
    exit_code = fgc::ctl::RunHealth(fgc::ctl::Connection(connection), health_services, json);
  });

  CLI::App* dev = app.add_subcommand("dev", "development helpers");
  dev->require_subcommand(1);
  fgc::ctl::DevTokenOptions token_options;
  CLI::App* token = dev->add_subcommand(
      "token", "print a bearer token that a development host accepts (reads its state directory)");
  token
      ->add_option("--role", token_options.role,
                   "coordinator, referrer, agency_system, manager or auditor")
      ->required();
  token->add_option("--tenant", token_options.tenant, "tenant id")->required();
  token->add_option("--agency", token_options.agency, "agency claim");
  token->add_option("--sub", token_options.subject, "subject (default: dev-<role>)");
  token->add_option("--ttl", token_options.ttl, "lifetime, e.g. 30m, 1h, 8h")
      ->capture_default_str();
  token->add_option("--state-dir", token_options.state_dir,
                    "the host's state directory (env FGC_STATE_DIR, default ./.fgc-state)");
  token->callback([&] { exit_code = fgc::ctl::RunDevToken(token_options, json); });

  // Called once the global flags are parsed.
  auto connect = [&] {
    connection.timeout = std::chrono::seconds(timeout_seconds);
    return fgc::ctl::Connection(connection);
  };
  fgc::ctl::LedgerCommandLine ledger(app, connect, json, exit_code);
  fgc::ctl::ConferenceCommandLine conference(app, connect, json, exit_code);
  fgc::ctl::VenueCommandLine venue(app, connect, json, exit_code);
  fgc::ctl::NetworkCommandLine network(app, connect, json, exit_code);
  fgc::ctl::InvitationCommandLine invitation(app, connect, json, exit_code);
  fgc::ctl::SlotCommandLine slots(app, connect, json, exit_code);
  fgc::ctl::BookingCommandLine booking(app, connect, json, exit_code);
  fgc::ctl::PlanCommandLine plan(app, connect, json, exit_code);
  // The family's side: their invitation token only, never a staff bearer token.
  auto connect_family = [&](const std::string& invitation_token) {
    fgc::ctl::ConnectionOptions family = connection;
    family.token.clear();
    family.invitation_token = invitation_token;
    family.timeout = std::chrono::seconds(timeout_seconds);
    return fgc::ctl::Connection(family);
  };
  fgc::ctl::FamilyCommandLine family(app, connect_family, json, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return exit_code;
}
