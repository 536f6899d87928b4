// `fgcctl ledger ...`: recording consent and power, asking whether consent stands, reading
// entries with proofs checked locally, saving checkpoints, exporting a tenant's ledger, and
// verifying an export offline. Each Run function prints human text (or JSON with `json`) and
// returns the exit code: 0 on success; 64 + the gRPC code when a call fails (details on stderr);
// 1 when a check fails (a proof, a signature, an export, or consent that does not stand);
// 2 for unusable input (a file that cannot be read, a malformed argument).
#pragma once

#include <cstdint>
#include <string>

#include "clients/fgcctl/connection.h"

namespace fgc::ctl {

struct RecordOptions {
  std::string tenant;
  std::string file;        // the LedgerEntry as protobuf JSON
  std::string request_id;  // empty: a new random one, printed so a retry can reuse it
};

struct WithdrawOptions {
  std::string tenant;
  std::string entry;   // an entry name, or its index
  std::string method;  // a collection method: written, electronic, verbal_in_person, ...
  std::string language;
  std::string reason;
  std::string notice_version;
  std::string request_id;
};

struct CheckConsentOptions {
  std::string tenant;
  std::string conference;  // a name, or the conference id in the tenant
  std::string subject;     // a name, or the child id in the conference
  std::string purpose;     // referral, contact_network, share_information, distribute_plan
  std::string grantor;     // a member name, or the member id in the conference; optional
  std::string at;          // RFC 3339 instant; empty for now
};

struct ListOptions {
  std::string tenant;
  std::string filter;
  std::string page_token;
  int page_size = 0;
  bool all = false;  // follow next_page_token to the end
};

struct GetEntryOptions {
  std::string tenant;
  std::string entry;  // an entry name, or its index
  int64_t tree_size = 0;
  std::string verifier_key;  // pinned; empty: the key GetCheckpoint returns (with a warning)
};

struct CheckpointOptions {
  std::string tenant;
  int64_t size = 0;  // 0: the latest
};

struct ExportOptions {
  std::string tenant;
  std::string out;
};

struct VerifyCommandOptions {
  std::string export_file;
  std::string verifier_key;
  std::string older_checkpoint;  // a note file, e.g. saved by `fgcctl ledger checkpoint`
};

int RunRecordConsent(const Connection& connection, const RecordOptions& options, bool json);
int RunRecordPower(const Connection& connection, const RecordOptions& options, bool json);
int RunWithdrawConsent(const Connection& connection, const WithdrawOptions& options, bool json);
// Exits 0 when the step may proceed, 1 when it may not.
int RunCheckConsent(const Connection& connection, const CheckConsentOptions& options, bool json);
int RunListEntries(const Connection& connection, const ListOptions& options, bool json);
int RunGetEntry(const Connection& connection, const GetEntryOptions& options, bool json);
// Prints the signed note byte for byte and nothing else (so `> cp.txt` saves it as signed).
int RunCheckpoint(const Connection& connection, const CheckpointOptions& options, bool json);
int RunVerifierKey(const Connection& connection, const std::string& tenant, bool json);
int RunExport(const Connection& connection, const ExportOptions& options, bool json);
// Offline: reads files only.
int RunVerify(const VerifyCommandOptions& options, bool json);

}  // namespace fgc::ctl
