// The flags many fgcctl commands share, registered the same way everywhere: the tenant, a
// conference or resource argument, the retry key, the etag, and a list's paging.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

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

// --out FILE for a document (an .ics, an SVG); stdout when not given.
void OutFlag(CLI::App* command, std::string& out, const std::string& what);

}  // namespace fgc::ctl
