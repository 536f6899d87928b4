// `fgcctl ledger verify`: checks an export file offline (ledger_verify.h does the checking) and
// tells a person, or a script, what holds and where anything does not.
#include <iostream>

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/ledger_commands.h"
#include "clients/fgcctl/ledger_export_file.h"
#include "clients/fgcctl/ledger_text.h"
#include "clients/fgcctl/ledger_verify.h"

namespace fgc::ctl {
namespace {

constexpr size_t kMaxFailuresShown = 50;

void PrintJson(const VerifyReport& r) {
  nlohmann::ordered_json failures = nlohmann::ordered_json::array();
  for (const auto& f : r.failures) failures.push_back({{"where", f.where}, {"what", f.what}});
  nlohmann::ordered_json out{{"ok", r.ok()},
                             {"failures", std::move(failures)},
                             {"warnings", r.warnings},
                             {"entries", r.entry_count},
                             {"tree_size", r.tree_size},
                             {"root_hash", HexBytes(r.root_hash)},
                             {"origin", r.origin},
                             {"key_name", r.key_name},
                             {"verifier_key", r.verifier_key},
                             {"key_source", r.key_from_file ? "export" : "pinned"}};
  if (r.older_tree_size) out["older_tree_size"] = *r.older_tree_size;
  std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

void PrintText(const VerifyReport& r) {
  for (const auto& w : r.warnings) std::cerr << "warning: " << w << "\n";
  if (!r.ok()) {
    std::cerr << "FAILED: the export does not verify (" << r.failures.size() << " problem"
              << (r.failures.size() == 1 ? "" : "s") << ")\n";
    for (size_t i = 0; i < r.failures.size() && i < kMaxFailuresShown; ++i) {
      std::cerr << "  " << r.failures[i].where << ": " << r.failures[i].what << "\n";
    }
    if (r.failures.size() > kMaxFailuresShown) {
      std::cerr << "  ... and " << r.failures.size() - kMaxFailuresShown << " more\n";
    }
    return;
  }
  std::cout << "OK: the export verifies\n"
            << "  entries     " << r.entry_count
            << " (each leaf hashed, parsed, and its inclusion proof checked)\n"
            << "  tree size   " << r.tree_size << " (root rebuilt from the leaves matches)\n"
            << "  root        " << HexBytes(r.root_hash) << "\n"
            << "  origin      " << r.origin << "\n"
            << "  signed by   " << r.key_name << " ("
            << (r.key_from_file ? "key from the export file: see the warning"
                                : "the key given with --verifier-key")
            << ")\n";
  if (r.older_tree_size) {
    std::cout << "  older       the checkpoint of size " << *r.older_tree_size
              << " is a prefix of this log (same key; root of the first " << *r.older_tree_size
              << " leaves and consistency proof checked)\n";
  }
}

}  // namespace

int RunVerify(const VerifyCommandOptions& options, bool json) {
  auto text = ReadWholeFile(options.export_file);
  if (!text.ok()) return ReportLocalFailure(std::string(text.status().message()), 2, json);
  VerifyOptions verify_options{options.verifier_key, std::nullopt};
  if (!options.older_checkpoint.empty()) {
    auto older = ReadWholeFile(options.older_checkpoint);
    if (!older.ok()) return ReportLocalFailure(std::string(older.status().message()), 2, json);
    verify_options.older_note = *std::move(older);
  }
  VerifyReport report;
  auto parsed = ParseLedgerExport(*text);
  if (!parsed.ok()) {
    // An export that does not even parse was altered (or cut short): a failed verification.
    report.failures.push_back({options.export_file, std::string(parsed.status().message())});
  } else {
    report = VerifyLedgerExport(*parsed, verify_options);
  }
  if (json) {
    PrintJson(report);
  } else {
    PrintText(report);
  }
  return report.ok() ? 0 : 1;
}

}  // namespace fgc::ctl
