// `fgcctl ledger export`: writes a tenant's whole ledger as of its latest signed checkpoint
// (format in ledger_export_file.h). Leaves come from ListEntries pages; each entry's inclusion
// proof comes from GetEntry against that same checkpoint, and both answers must agree. The file
// records what the service said, unchecked: `fgcctl ledger verify` is the judge.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/ledger_client.h"
#include "clients/fgcctl/ledger_commands.h"
#include "clients/fgcctl/ledger_export_file.h"
#include "clients/fgcctl/ledger_text.h"
#include "clients/fgcctl/status_output.h"
#include "services/ledger/entry/ledger_names.h"

namespace fgc::ctl {
namespace {

constexpr int kPageSize = 500;

// The leaves 0..size-1 from ListEntries, in order. A failure of the call is returned as is;
// a list that skips or repeats an index is a service fault, returned as DATA_LOSS.
grpc::Status ListLeaves(const LedgerClient& client, uint64_t size,
                        std::vector<ExportedEntry>& entries) {
  std::string token;
  while (entries.size() < size) {
    v1::ListEntriesResponse page;
    grpc::Status status = client.ListEntries(kPageSize, token, "", &page);
    if (!status.ok()) return status;
    for (const auto& e : page.entries()) {
      if (entries.size() == size) break;
      if (e.index() != static_cast<int64_t>(entries.size())) {
        return grpc::Status(grpc::StatusCode::DATA_LOSS,
                            absl::StrCat("ListEntries gave entry ", e.index(), " where entry ",
                                         entries.size(), " belongs"));
      }
      entries.push_back({static_cast<uint64_t>(e.index()), e.leaf_data(), e.leaf_hash(), {}});
    }
    token = page.next_page_token();
    if (token.empty() && entries.size() < size) {
      return grpc::Status(grpc::StatusCode::DATA_LOSS,
                          absl::StrCat("ListEntries ended after ", entries.size(),
                                       " entries; the checkpoint has ", size));
    }
  }
  return grpc::Status::OK;
}

// Adds each entry's inclusion proof (and, when `listed` is false, its leaf) from GetEntry
// against the checkpoint of x.tree_size.
grpc::Status AddProofs(const LedgerClient& client, bool listed, LedgerExport& x) {
  if (!listed) x.entries.resize(x.tree_size);
  for (uint64_t i = 0; i < x.tree_size; ++i) {
    v1::GetEntryResponse r;
    grpc::Status status =
        client.GetEntry(ledger::FormatEntryName(x.tenant, static_cast<int64_t>(i)),
                        static_cast<int64_t>(x.tree_size), &r);
    if (!status.ok()) {
      // The entry's index matters more here than the rich details.
      return grpc::Status(status.error_code(),
                          absl::StrCat("entry ", i, ": ", status.error_message()));
    }
    ExportedEntry& e = x.entries[i];
    if (!listed) e = {i, r.entry().leaf_data(), r.entry().leaf_hash(), {}};
    if (r.entry().leaf_data() != e.leaf_data || r.checkpoint().note() != x.note) {
      return grpc::Status(grpc::StatusCode::DATA_LOSS,
                          absl::StrCat("entry ", i,
                                       ": GetEntry gave other bytes or another "
                                       "checkpoint than ListEntries and GetCheckpoint"));
    }
    e.inclusion_proof.assign(r.inclusion_proof().hashes().begin(),
                             r.inclusion_proof().hashes().end());
  }
  return grpc::Status::OK;
}

absl::Status WriteAtomically(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return absl::InternalError(absl::StrCat("cannot write ", temporary));
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error)
    return absl::InternalError(absl::StrCat("cannot rename to ", path, ": ", error.message()));
  return absl::OkStatus();
}

void PrintExported(const LedgerExport& x, const ExportOptions& options, bool listed, bool json) {
  const char* leaves_from = listed ? "ListEntries" : "GetEntry";
  if (json) {
    nlohmann::ordered_json out{{"out", options.out},        {"entries", x.entries.size()},
                               {"tree_size", x.tree_size},  {"root_hash", HexBytes(x.root_hash)},
                               {"origin", x.origin},        {"verifier_key", x.verifier_key},
                               {"leaves_from", leaves_from}};
    std::cout << out.dump() << "\n";
    return;
  }
  std::cout << "exported " << x.entries.size() << " entries of " << x.origin << " to "
            << options.out << "\n  checkpoint size " << x.tree_size << ", root "
            << HexBytes(x.root_hash) << "\n  leaves from " << leaves_from
            << ", inclusion proofs from GetEntry\nverify it offline with:\n  fgcctl ledger verify "
            << "--export " << options.out << " --verifier-key '" << x.verifier_key << "'\n"
            << "(check that key against one you obtained independently)\n";
}

}  // namespace

int RunExport(const Connection& connection, const ExportOptions& options, bool json) {
  LedgerClient client(connection, options.tenant);
  v1::GetCheckpointResponse latest;
  grpc::Status status = client.GetCheckpoint(0, &latest);
  if (!status.ok()) return ReportFailure(status, json);
  const v1::Checkpoint& c = latest.checkpoint();
  LedgerExport x{options.tenant,
                 c.origin(),
                 latest.verifier_key(),
                 static_cast<uint64_t>(c.tree_size()),
                 c.root_hash(),
                 c.note(),
                 {}};
  status = ListLeaves(client, x.tree_size, x.entries);
  const bool listed = status.ok();
  if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
    std::cerr << "note: this server does not implement ListEntries; fetching each entry with "
                 "GetEntry\n";
    x.entries.clear();
  } else if (!status.ok()) {
    return ReportFailure(status, json);
  }
  status = AddProofs(client, listed, x);
  if (!status.ok()) return ReportFailure(status, json);
  auto text = FormatLedgerExport(x);
  if (!text.ok()) return ReportLocalFailure(std::string(text.status().message()), 1, json);
  if (absl::Status s = WriteAtomically(options.out, *text); !s.ok()) {
    return ReportLocalFailure(std::string(s.message()), 2, json);
  }
  PrintExported(x, options, listed, json);
  return 0;
}

}  // namespace fgc::ctl
