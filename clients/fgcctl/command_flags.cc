#include "clients/fgcctl/command_flags.h"

namespace fgc::ctl {

void TenantFlag(CLI::App* command, std::string& tenant, bool required, const std::string& what) {
  auto* option = command->add_option("--tenant", tenant, what);
  if (required) option->required();
}

void ConferenceArgument(CLI::App* command, std::string& conference) {
  command
      ->add_option("conference", conference,
                   "the conference: tenants/{tenant}/conferences/{id}, or its id with --tenant")
      ->required();
}

void InConferenceArguments(CLI::App* command, const std::string& collection, std::string& argument,
                           std::string& conference, std::string& tenant) {
  command
      ->add_option(collection.substr(0, collection.size() - 1), argument,
                   "tenants/{tenant}/conferences/{conference}/" + collection +
                       "/{id}, or its id with --conference")
      ->required();
  command->add_option("--conference", conference,
                      "the conference, when given by its id alone (its id needs --tenant too)");
  command->add_option("--tenant", tenant, "the tenant, when the conference is given by its id");
}

void RequestIdFlag(CLI::App* command, std::string& request_id) {
  command->add_option("--request-id", request_id,
                      "retry key (default: a new random one, printed so you can retry with it)");
}

void EtagFlag(CLI::App* command, std::string& etag, const std::string& what) {
  command->add_option("--etag", etag,
                      "refuse the change if " + what + " changed since you read this etag");
}

void PageFlags(CLI::App* command, PageOptions& page, const std::string& what,
               const std::string& filter_help) {
  if (!filter_help.empty()) command->add_option("--filter", page.filter, filter_help);
  command->add_option("--page-size", page.page_size, what + " per page (0: the server's default)");
  command->add_option("--page-token", page.page_token, "continue from a previous page");
  command->add_flag("--all", page.all, "follow every page to the end");
}

void ChangeFlags(CLI::App* command, ChangeOptions& change, const ChangeHelp& help) {
  // One path=value per --set: a positional argument may follow.
  command->add_option("--set", change.settings, "path=value, repeatable; paths: " + help.paths)
      ->allow_extra_args(false);
  auto* from = command->add_option("--from", change.file, help.file);
  auto* masked = command->add_option(
      "--mask", change.mask,
      "the paths to take from --from, comma-separated (e.g. " + help.mask_example + ")");
  from->needs(masked);
  masked->needs(from);
  command->add_option(
      "--etag", change.etag,
      "the etag you read (default: read " + help.what + " just before changing it)");
}

void PowerFlagOptions(CLI::App* command, PowerFlags& power) {
  command->add_option("--statute", power.statute, "legal basis: the statute (Children Act 1989)");
  command->add_option("--section", power.section, "legal basis: the section (s.47)");
  command->add_option("--jurisdiction", power.jurisdiction, "legal basis: ISO 3166 (GB-ENG)");
  command->add_option("--legal-description", power.legal_description,
                      "legal basis: what the provision allows");
  command->add_option("--told", power.told,
                      "how they were told: METHOD[@RFC 3339 time] (in-person, at-conference, "
                      "telephone, letter, email, text-message, through-advocate; time: now)");
  command->add_option("--told-by", power.told_by, "who told them");
  command->add_option("--not-told", power.not_told,
                      "why they are not told yet, and when they will be");
}

void OutFlag(CLI::App* command, std::string& out, const std::string& what) {
  command->add_option("--out", out, "the " + what + " file to write (default: stdout)");
}

}  // namespace fgc::ctl
