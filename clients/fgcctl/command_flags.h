// The flags many fgcctl commands share, registered the same way everywhere: the tenant, a
// conference or resource argument, the retry key, the etag, a list's paging, a change by
// --set or --from with --mask, and the legal basis and telling of a use of power.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "clients/fgcctl/power_flags.h"

namespace fgc::ctl {

// A list's filter and paging, as every List method takes them.
struct PageOptions {
  std::string filter;
  std::string page_token;
  int page_size = 0;
  bool all = false;  // follow next_page_token to the end
};

// --tenant; `what` says what it is needed for.
void TenantFlag(CLI::App* command, std::string& tenant, bool required,
                const std::string& what = "the tenant");
// The positional conference: tenants/{tenant}/conferences/{id}, or its id with --tenant.
void ConferenceArgument(CLI::App* command, std::string& conference);
// A positional resource inside a conference (`collection`: members, invitations), with
// --conference and --tenant for a bare id.
void InConferenceArguments(CLI::App* command, const std::string& collection, std::string& argument,
                           std::string& conference, std::string& tenant);
void RequestIdFlag(CLI::App* command, std::string& request_id);
void EtagFlag(CLI::App* command, std::string& etag, const std::string& what);
// --page-size, --page-token, --all, and --filter with `filter_help` unless it is empty.
void PageFlags(CLI::App* command, PageOptions& page, const std::string& what,
               const std::string& filter_help);

// What the help of a change's flags says.
struct ChangeHelp {
  std::string paths;         // the paths --set takes, and how their values are written
  std::string file;          // what --from holds
  std::string mask_example;  // paths --mask might take, e.g. "needs,contacts"
  std::string what;          // what changes, "the member": read for its etag when none is given
};

// What an `update` command is given: the new values by --set and by --from with --mask, and the
// etag they were read at.
struct ChangeOptions {
  std::vector<std::string> settings;  // path=value
  std::string file;                   // the resource as protobuf JSON, with `mask`
  std::string mask;                   // the comma-separated paths taken from `file`
  std::string etag;                   // empty: the etag read just before the change
};

// --set path=value (repeatable), --from FILE with --mask PATHS, and --etag.
void ChangeFlags(CLI::App* command, ChangeOptions& change, const ChangeHelp& help);

// --statute, --section, --jurisdiction, --legal-description, --told, --told-by, --not-told.
void PowerFlagOptions(CLI::App* command, PowerFlags& power);

// --out FILE for a document (an .ics, an SVG); stdout when not given.
void OutFlag(CLI::App* command, std::string& out, const std::string& what);

}  // namespace fgc::ctl
