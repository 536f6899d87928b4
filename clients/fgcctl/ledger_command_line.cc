#include "clients/fgcctl/ledger_command_line.h"

#include <utility>

#include "clients/fgcctl/command_flags.h"

namespace fgc::ctl {
namespace {

void TenantFlag(CLI::App* command, std::string& tenant) {
  fgc::ctl::TenantFlag(command, tenant, true, "the tenant whose ledger this is");
}

}  // namespace

LedgerCommandLine::LedgerCommandLine(CLI::App& app, std::function<Connection()> connect,
                                     const bool& json, int& exit_code)
    : connect_(std::move(connect)), json_(json), exit_code_(exit_code) {
  CLI::App* ledger = app.add_subcommand(
      "ledger", "the tamper-evident record of consent and power: record, read, prove, verify");
  ledger->require_subcommand(1);
  AddWrites(*ledger);
  AddReads(*ledger);
  AddExportAndVerify(*ledger);
}

void LedgerCommandLine::AddWrites(CLI::App& ledger) {
  CLI::App* consent = ledger.add_subcommand(
      "record-consent", "record a consent given or refused (the entry as protobuf JSON)");
  TenantFlag(consent, consent_.tenant);
  consent->add_option("--file", consent_.file, "the LedgerEntry as protobuf JSON")->required();
  RequestIdFlag(consent, consent_.request_id);
  consent->callback([this] { exit_code_ = RunRecordConsent(connect_(), consent_, json_); });

  CLI::App* power = ledger.add_subcommand(
      "record-power", "record a use of statutory power, or its end (protobuf JSON entry)");
  TenantFlag(power, power_.tenant);
  power->add_option("--file", power_.file, "the LedgerEntry as protobuf JSON")->required();
  RequestIdFlag(power, power_.request_id);
  power->callback([this] { exit_code_ = RunRecordPower(connect_(), power_, json_); });

  CLI::App* withdraw =
      ledger.add_subcommand("withdraw-consent", "withdraw a consent given (no reason needed)");
  TenantFlag(withdraw, withdraw_.tenant);
  withdraw->add_option("--entry", withdraw_.entry, "the consent: its entry name or index")
      ->required();
  withdraw->add_option("--method", withdraw_.method,
                       "how the withdrawal was received: written, electronic, verbal_in_person, "
                       "verbal_telephone, video_call, reported_by_agency");
  withdraw->add_option("--language", withdraw_.language, "its language, BCP 47 (e.g. en)");
  withdraw->add_option("--reason", withdraw_.reason, "a reason, if the person gave one");
  withdraw->add_option("--notice-version", withdraw_.notice_version, "the notice text shown");
  RequestIdFlag(withdraw, withdraw_.request_id);
  withdraw->callback([this] { exit_code_ = RunWithdrawConsent(connect_(), withdraw_, json_); });

  CLI::App* check = ledger.add_subcommand(
      "check-consent", "may a consent-dependent step proceed now? (exit 0 yes, 1 no)");
  TenantFlag(check, check_.tenant);
  check->add_option("--conference", check_.conference, "conference name or id")->required();
  check->add_option("--subject", check_.subject, "the child: name, or id in the conference")
      ->required();
  check
      ->add_option("--purpose", check_.purpose,
                   "referral, contact_network, share_information or distribute_plan")
      ->required();
  check->add_option("--grantor", check_.grantor, "only this member's consent counts");
  check->add_option("--at", check_.at, "judge at this RFC 3339 time (default: now)");
  check->callback([this] { exit_code_ = RunCheckConsent(connect_(), check_, json_); });
}

void LedgerCommandLine::AddReads(CLI::App& ledger) {
  CLI::App* list = ledger.add_subcommand("list", "list entries in index order");
  TenantFlag(list, list_.tenant);
  list->add_option("--filter", list_.filter,
                   "e.g. 'kind = LEDGER_ENTRY_KIND_POWER_USED AND conference = \"...\"'");
  list->add_option("--page-size", list_.page_size, "entries per page (0: the server's default)");
  list->add_option("--page-token", list_.page_token, "continue from a previous page");
  list->add_flag("--all", list_.all, "follow every page to the end");
  list->callback([this] { exit_code_ = RunListEntries(connect_(), list_, json_); });

  CLI::App* get = ledger.add_subcommand(
      "get", "one entry with its inclusion proof, checked locally against the signed checkpoint");
  TenantFlag(get, get_.tenant);
  get->add_option("--entry", get_.entry, "entry name or index")->required();
  get->add_option("--tree-size", get_.tree_size,
                  "prove against this signed size (default: latest)");
  get->add_option("--verifier-key", get_.verifier_key,
                  "the pinned note verifier key (default: the one the service names)");
  get->callback([this] { exit_code_ = RunGetEntry(connect_(), get_, json_); });

  CLI::App* checkpoint = ledger.add_subcommand(
      "checkpoint", "print the latest signed checkpoint byte for byte (> cp.txt saves it)");
  TenantFlag(checkpoint, checkpoint_.tenant);
  checkpoint->add_option("--size", checkpoint_.size, "the checkpoint signed at this size");
  checkpoint->callback([this] { exit_code_ = RunCheckpoint(connect_(), checkpoint_, json_); });

  CLI::App* key = ledger.add_subcommand("verifier-key", "print the ledger's note verifier key");
  TenantFlag(key, key_tenant_);
  key->callback([this] { exit_code_ = RunVerifierKey(connect_(), key_tenant_, json_); });
}

void LedgerCommandLine::AddExportAndVerify(CLI::App& ledger) {
  CLI::App* out = ledger.add_subcommand(
      "export", "write every entry, the latest checkpoint and the proofs to one JSON file");
  TenantFlag(out, export_.tenant);
  out->add_option("--out", export_.out, "the file to write")->required();
  out->callback([this] { exit_code_ = RunExport(connect_(), export_, json_); });

  CLI::App* verify = ledger.add_subcommand(
      "verify",
      "check an export offline: signature, every leaf and proof, the root, and "
      "consistency with an older checkpoint (exit 1 and where, if anything differs)");
  verify->add_option("--export", verify_.export_file, "the file `ledger export` wrote")->required();
  verify->add_option("--verifier-key", verify_.verifier_key,
                     "the key you pinned (default: the export's own copy, which proves nothing)");
  verify->add_option("--older-checkpoint", verify_.older_checkpoint,
                     "a checkpoint note saved earlier: it must be a prefix of the export");
  verify->callback([this] { exit_code_ = RunVerify(verify_, json_); });
}

}  // namespace fgc::ctl
