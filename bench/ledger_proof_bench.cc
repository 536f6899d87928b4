// fgc-bench ledger-proof: builds a log of `entries` synthetic entries in a private PostgreSQL
// (LedgerStore::AppendBatch, `batch` per transaction), then times proofs the way the ledger
// service makes them: plan, one ReadNodes query, BuildProof. Inclusion proofs are for random
// indexes against the latest size; consistency proofs from a random smaller size to it. Each
// proof is verified as a client would (against the stored root), timed apart. The log is
// vacuumed and analysed before sampling, and 100 proofs of each kind warm the connections.
// Goal from issue 4: p50 <= 1 ms for both kinds at 1,000,000 entries.
#include "bench/ledger_proof_bench.h"

#include <iostream>
#include <pqxx/pqxx>
#include <random>

#include "absl/strings/str_cat.h"
#include "bench/percentile.h"
#include "bench/synthetic_log.h"
#include "common/base/embedded_file.h"
#include "common/crypto/ed25519.h"
#include "common/db/embedded_postgres.h"
#include "common/db/service_database.h"
#include "nlohmann/json.hpp"
#include "services/ledger/ledger_store.h"
#include "services/ledger/log/checkpoint.h"
#include "services/ledger/log/merkle.h"
#include "services/ledger/log/note.h"
#include "services/ledger/log/proof.h"
#include "services/ledger/log/proof_verification.h"
#include "tests/support/host_process.h"

namespace fgc::ledger {
// The ledger's migrations, compiled in by fgc_embed_files (services/ledger/CMakeLists.txt).
std::span<const EmbeddedFile> Migrations();
}  // namespace fgc::ledger

namespace fgc::bench {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::ordered_json;

constexpr char kTenant[] = "t1";
constexpr char kOrigin[] = "fgc-bench.local/ledger/t1";
constexpr int kWarmUpProofs = 100;

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

absl::StatusOr<ledger::CheckpointSigner> NoteSigning() {
  auto key = crypto::Ed25519PrivateKey::Generate();
  if (!key.ok()) return key.status();
  auto signer = ledger::log::NoteSigner::Create(kOrigin, *std::move(key));
  if (!signer.ok()) return signer.status();
  return [signer = *std::move(signer)](const std::string&, int64_t size,
                                       const std::string& root) -> absl::StatusOr<std::string> {
    auto text = ledger::log::Checkpoint{kOrigin, static_cast<uint64_t>(size), root, {}}.Format();
    if (!text.ok()) return text.status();
    return signer.Sign(*text);
  };
}

// The state a long-running log settles in once autovacuum has passed over the bulk of it
// (visibility map and hint bits set, planner statistics fresh). Without this, autovacuum
// starts a minute after the build and runs during the sampling.
absl::Status Vacuum(const std::string& conninfo) {
  try {
    pqxx::connection conn(conninfo);
    pqxx::nontransaction tx(conn);
    tx.exec0("VACUUM (ANALYZE) ledger.tree_nodes, ledger.entries, ledger.checkpoints");
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("VACUUM: ", e.what()));
  }
  return absl::OkStatus();
}

// The proof for `plan`, as the service builds it: one query for every node, then hashing.
absl::StatusOr<std::vector<std::string>> Prove(ledger::LedgerStore& store,
                                               absl::StatusOr<ledger::log::ProofPlan> plan) {
  if (!plan.ok()) return plan.status();
  auto hashes = store.ReadNodes(kTenant, plan->node_ids);
  if (!hashes.ok()) return hashes.status();
  return ledger::log::BuildProof(*plan, *hashes);
}

// The root of the tree's first `size` leaves, from the nodes of its right edge.
absl::StatusOr<std::string> RootAt(ledger::LedgerStore& store, uint64_t size) {
  auto edge = store.ReadNodes(kTenant, ledger::log::RightEdgeNodeIds(size));
  if (!edge.ok()) return edge.status();
  return ledger::log::HashParts(*edge);
}

struct Timings {
  std::vector<double> prove_ms;
  std::vector<double> verify_ms;
};

ordered_json Summary(const Timings& t) {
  return {{"prove_p50_ms", Round3(Percentile(t.prove_ms, 0.50))},
          {"prove_p99_ms", Round3(Percentile(t.prove_ms, 0.99))},
          {"verify_p50_ms", Round3(Percentile(t.verify_ms, 0.50))},
          {"verify_p99_ms", Round3(Percentile(t.verify_ms, 0.99))}};
}

absl::StatusOr<Timings> TimeInclusion(ledger::LedgerStore& store,
                                      const ledger::StoredCheckpoint& head, int samples,
                                      std::mt19937_64& random) {
  const auto size = static_cast<uint64_t>(head.size);
  std::uniform_int_distribution<uint64_t> pick(0, size - 1);
  Timings t;
  for (int i = 0; i < samples; ++i) {
    const uint64_t index = pick(random);
    const Clock::time_point start = Clock::now();
    auto proof = Prove(store, ledger::log::PlanInclusionProof(index, size));
    if (!proof.ok()) return proof.status();
    t.prove_ms.push_back(MillisSince(start));
    const Clock::time_point verify = Clock::now();
    const std::string leaf_hash = ledger::log::LeafHash(SyntheticLeaf(static_cast<int64_t>(index)));
    absl::Status s = ledger::log::VerifyInclusion(index, size, leaf_hash, *proof, head.root_hash);
    if (!s.ok()) return s;
    t.verify_ms.push_back(MillisSince(verify));
  }
  return t;
}

absl::StatusOr<Timings> TimeConsistency(ledger::LedgerStore& store,
                                        const ledger::StoredCheckpoint& head, int samples,
                                        std::mt19937_64& random) {
  const auto size = static_cast<uint64_t>(head.size);
  std::uniform_int_distribution<uint64_t> pick(1, size - 1);
  Timings t;
  for (int i = 0; i < samples; ++i) {
    const uint64_t size1 = pick(random);
    const Clock::time_point start = Clock::now();
    auto proof = Prove(store, ledger::log::PlanConsistencyProof(size1, size));
    if (!proof.ok()) return proof.status();
    t.prove_ms.push_back(MillisSince(start));
    // What a client would hold from an older checkpoint; read after the proof, untimed, so
    // that it does not warm the pages the proof reads.
    auto root1 = RootAt(store, size1);
    if (!root1.ok()) return root1.status();
    const Clock::time_point verify = Clock::now();
    absl::Status s = ledger::log::VerifyConsistency(size1, size, *proof, *root1, head.root_hash);
    if (!s.ok()) return s;
    t.verify_ms.push_back(MillisSince(verify));
  }
  return t;
}

// The floor under every proof: one ReadNodes of a single node (the store's transaction and
// one round trip per statement, no planning of a long IN list).
absl::StatusOr<std::vector<double>> TimeOneNodeReads(ledger::LedgerStore& store, int samples) {
  const ledger::log::NodeId root_child{10, 0};
  std::vector<double> ms;
  for (int i = 0; i < samples; ++i) {
    const Clock::time_point start = Clock::now();
    auto hashes = store.ReadNodes(kTenant, std::span(&root_child, 1));
    if (!hashes.ok()) return hashes.status();
    ms.push_back(MillisSince(start));
  }
  return ms;
}

int Fail(const absl::Status& status) {
  std::cerr << "fgc-bench ledger-proof: " << status << "\n";
  return 1;
}

}  // namespace

int RunLedgerProof(int64_t entries, int samples, int64_t batch) {
  if (entries < 2 || samples < 1 || batch < 1) {
    return Fail(absl::InvalidArgumentError("needs --entries >= 2, --samples and --batch >= 1"));
  }
  testing::TempDir dir;
  db::EmbeddedPostgres::Options options;
  options.state_dir = dir.path() + "/state";
  options.durable = false;  // building the log need not survive a power cut; reads are alike
  auto postgres = db::EmbeddedPostgres::Start(options);
  if (!postgres.ok()) return Fail(postgres.status());
  auto pool = db::OpenServiceDatabase(
      {.admin_conninfo = (*postgres)->conninfo(), .service = "ledger", .pool_size = 2},
      ledger::Migrations());
  if (!pool.ok()) return Fail(pool.status());
  ledger::LedgerStore store(pool->get());
  auto sign = NoteSigning();
  if (!sign.ok()) return Fail(sign.status());

  const Clock::time_point build_start = Clock::now();
  if (absl::Status s = FillLog(store, kTenant, entries, batch, *sign); !s.ok()) return Fail(s);
  const double build_s = MillisSince(build_start) / 1000.0;
  const Clock::time_point vacuum_start = Clock::now();
  if (absl::Status s = Vacuum((*postgres)->conninfo()); !s.ok()) return Fail(s);
  const double vacuum_s = MillisSince(vacuum_start) / 1000.0;
  auto head = store.LatestCheckpoint(kTenant);
  if (!head.ok() || !head->has_value()) return Fail(head.status());

  std::mt19937_64 random(4);
  // A running service has warm connections and caches: the first proofs are not timed.
  if (auto warm = TimeInclusion(store, **head, kWarmUpProofs, random); !warm.ok()) {
    return Fail(warm.status());
  }
  if (auto warm = TimeConsistency(store, **head, kWarmUpProofs, random); !warm.ok()) {
    return Fail(warm.status());
  }
  auto inclusion = TimeInclusion(store, **head, samples, random);
  if (!inclusion.ok()) return Fail(inclusion.status());
  auto consistency = TimeConsistency(store, **head, samples, random);
  if (!consistency.ok()) return Fail(consistency.status());
  auto one_node = TimeOneNodeReads(store, samples);
  if (!one_node.ok()) return Fail(one_node.status());

  ordered_json out;
  out["benchmark"] = "ledger-proof";
  out["entries"] = entries;
  out["batch"] = batch;
  out["samples_each"] = samples;
  out["warm_up_proofs_each"] = kWarmUpProofs;
  out["build_s"] = Round3(build_s);
  out["build_entries_per_s"] = Round3(static_cast<double>(entries) / build_s);
  out["vacuum_analyze_s"] = Round3(vacuum_s);
  out["one_node_read_p50_ms"] = Round3(Percentile(*one_node, 0.5));
  out["goals"] = {{"inclusion_p50_ms", 1}, {"consistency_p50_ms", 1}};
  out["figures"] = {{"inclusion", Summary(*inclusion)}, {"consistency", Summary(*consistency)}};
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace fgc::bench
