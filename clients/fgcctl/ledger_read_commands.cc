// `fgcctl ledger list | get | checkpoint | verifier-key`: reading the log. `get` never takes the
// service's word for an entry: it checks the checkpoint's signature and the inclusion proof
// itself before saying the entry is in the log.
#include <iostream>

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/ledger_client.h"
#include "clients/fgcctl/ledger_commands.h"
#include "clients/fgcctl/ledger_text.h"
#include "clients/fgcctl/ledger_verify.h"
#include "clients/fgcctl/status_output.h"
#include "common/crypto/encoding.h"
#include "services/ledger/log/note.h"

namespace fgc::ctl {
namespace {

using ledger::log::NoteVerifier;

// The key to check a checkpoint with: the pinned one, else the one the service names.
struct ChosenKey {
  std::string verifier_key;
  bool from_service = false;
};

void PrintServedEntry(const v1::GetEntryResponse& r) {
  std::cout << DescribeEntry(r.entry());
  const v1::InclusionProof& proof = r.inclusion_proof();
  std::cout << "inclusion proof: leaf " << proof.leaf_index() << " of a tree of "
            << proof.tree_size() << ", " << proof.hashes_size() << " hashes\n";
  for (int i = 0; i < proof.hashes_size(); ++i) {
    std::cout << "  " << i << "  " << HexBytes(proof.hashes(i)) << "\n";
  }
  const v1::Checkpoint& checkpoint = r.checkpoint();
  std::cout << "checkpoint: size " << checkpoint.tree_size() << ", root "
            << HexBytes(checkpoint.root_hash()) << "\n  origin " << checkpoint.origin() << "\n";
}

int ReportServedEntry(const v1::GetEntryResponse& r, const ChosenKey& key,
                      const absl::Status& verified, const std::string& key_name, bool json) {
  if (json) {
    nlohmann::ordered_json check{{"verified", verified.ok()},
                                 {"verifier_key", key.verifier_key},
                                 {"key_source", key.from_service ? "service" : "pinned"}};
    if (!verified.ok()) check["error"] = std::string(verified.message());
    nlohmann::ordered_json out{{"entry", ProtoJson(r.entry())},
                               {"inclusion_proof", ProtoJson(r.inclusion_proof())},
                               {"checkpoint", ProtoJson(r.checkpoint())},
                               {"verification", std::move(check)}};
    std::cout << out.dump() << "\n";
  } else {
    PrintServedEntry(r);
    if (verified.ok()) {
      std::cout << "verified locally: the checkpoint note is signed by " << key_name
                << ", the leaf hash is SHA-256(0x00 || leaf data), and the inclusion proof leads "
                   "from it to the signed root\n";
    }
  }
  if (!verified.ok()) {
    std::cerr << "error: local verification FAILED at " << verified.message() << "\n";
    return 1;
  }
  if (key.from_service) {
    std::cerr << "warning: the verifier key came from the service itself (" << key.verifier_key
              << "); pin it out of band and pass --verifier-key for this check to mean more\n";
  }
  return 0;
}

}  // namespace

int RunGetEntry(const Connection& connection, const GetEntryOptions& options, bool json) {
  LedgerClient client(connection, options.tenant);
  v1::GetEntryResponse response;
  grpc::Status status = client.GetEntry(EntryNameArgument(options.tenant, options.entry),
                                        options.tree_size, &response);
  if (!status.ok()) return ReportFailure(status, json);
  ChosenKey key{options.verifier_key, options.verifier_key.empty()};
  if (key.from_service) {
    v1::GetCheckpointResponse checkpoint;
    status = client.GetCheckpoint(response.checkpoint().tree_size(), &checkpoint);
    if (!status.ok()) return ReportFailure(status, json);
    key.verifier_key = checkpoint.verifier_key();
  }
  auto verifier = NoteVerifier::FromVerifierKey(key.verifier_key);
  if (!verifier.ok()) {
    return ReportLocalFailure(
        absl::StrCat("verifier key: ", std::string(verifier.status().message())),
        key.from_service ? 1 : 2, json);
  }
  absl::Status verified = VerifyServedEntry(response, *verifier, options.tenant);
  return ReportServedEntry(response, key, verified, verifier->VerifierKey(), json);
}

int RunListEntries(const Connection& connection, const ListOptions& options, bool json) {
  LedgerClient client(connection, options.tenant);
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  std::string token = options.page_token;
  int64_t tree_size = 0;
  if (!json) std::cout << "index\tkind\toccurred\tsubject\tdecision\n";
  do {
    v1::ListEntriesResponse response;
    grpc::Status status = client.ListEntries(options.page_size, token, options.filter, &response);
    if (!status.ok()) return ReportFailure(status, json);
    for (const auto& e : response.entries()) {
      if (json) {
        entries.push_back(ProtoJson(e));
      } else {
        std::cout << EntrySummaryLine(e) << "\n";
      }
    }
    token = response.next_page_token();
    tree_size = response.tree_size();
  } while (options.all && !token.empty());
  if (json) {
    nlohmann::ordered_json out{
        {"entries", std::move(entries)}, {"next_page_token", token}, {"tree_size", tree_size}};
    std::cout << out.dump() << "\n";
  } else {
    std::cout << "(ledger size " << tree_size << ")\n";
    if (!token.empty()) std::cout << "more: --page-token " << token << "\n";
  }
  return 0;
}

int RunCheckpoint(const Connection& connection, const CheckpointOptions& options, bool json) {
  v1::GetCheckpointResponse response;
  grpc::Status status =
      LedgerClient(connection, options.tenant).GetCheckpoint(options.size, &response);
  if (!status.ok()) return ReportFailure(status, json);
  const v1::Checkpoint& c = response.checkpoint();
  if (json) {
    nlohmann::ordered_json out{
        {"name", c.name()},           {"origin", c.origin()},
        {"tree_size", c.tree_size()}, {"root_hash", crypto::Base64Encode(c.root_hash())},
        {"note", c.note()},           {"verifier_key", response.verifier_key()}};
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else {
    // Exactly the signed bytes: a saved copy must verify as it is.
    std::cout.write(c.note().data(), static_cast<std::streamsize>(c.note().size()));
  }
  std::cout.flush();
  return 0;
}

int RunVerifierKey(const Connection& connection, const std::string& tenant, bool json) {
  v1::GetCheckpointResponse response;
  grpc::Status status = LedgerClient(connection, tenant).GetCheckpoint(0, &response);
  if (!status.ok()) return ReportFailure(status, json);
  if (json) {
    std::cout << nlohmann::ordered_json{{"verifier_key", response.verifier_key()}}.dump() << "\n";
  } else {
    std::cout << response.verifier_key() << "\n";
  }
  return 0;
}

}  // namespace fgc::ctl
