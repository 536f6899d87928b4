#include "bench/insert_baseline.h"

#include <stdio.h>

#include <fstream>
#include <pqxx/pqxx>
#include <regex>

#include "absl/strings/str_cat.h"

namespace fgc::bench {
namespace {

constexpr char kPgbench[] = "/usr/lib/postgresql/15/bin/pgbench";
// Sessions left free for the host's pools to open more and for the superuser.
constexpr int kConnectionMargin = 8;

// One transaction, one row of about the size of a ledger entry's indexed columns.
constexpr char kScript[] =
    "INSERT INTO bench.single_insert (tenant, payload) VALUES ('t1', repeat('x', 200));\n";

std::string ShellQuote(const std::string& s) {
  std::string quoted = "'";
  for (char c : s) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string Conninfo(const std::string& socket_dir) {
  return absl::StrCat("host=", socket_dir, " port=5432 user=postgres dbname=fgc");
}

}  // namespace

absl::StatusOr<InsertBaseline> InsertBaseline::Prepare(const std::string& socket_dir,
                                                       const std::string& scratch_dir) {
  int free_connections = 0;
  try {
    pqxx::connection conn(Conninfo(socket_dir));
    pqxx::work tx(conn);
    tx.exec0("CREATE SCHEMA IF NOT EXISTS bench");
    tx.exec0(
        "CREATE TABLE IF NOT EXISTS bench.single_insert (id bigserial PRIMARY KEY, tenant text "
        "NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
    pqxx::row r = tx.exec1(
        "SELECT current_setting('max_connections')::int - "
        "current_setting('superuser_reserved_connections')::int - count(*) "
        "FROM pg_stat_activity WHERE backend_type = 'client backend'");
    free_connections = r[0].as<int>();
    tx.commit();
  } catch (const std::exception& e) {
    return absl::UnavailableError(absl::StrCat("preparing the INSERT baseline: ", e.what()));
  }
  const std::string script = scratch_dir + "/single_insert.sql";
  std::ofstream(script) << kScript;
  return InsertBaseline(socket_dir, script, std::max(1, free_connections - kConnectionMargin));
}

absl::StatusOr<double> InsertBaseline::CommitsPerSecond(int clients, int seconds) const {
  const std::string command = absl::StrCat(
      kPgbench, " -h ", ShellQuote(socket_dir_), " -p 5432 -U postgres -n -f ", ShellQuote(script_),
      " -c ", clients, " -j ", std::min(clients, 2), " -T ", seconds, " fgc 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return absl::InternalError("cannot run pgbench");
  std::string output;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, pipe)) output.append(buf, n);
  const int status = pclose(pipe);
  std::smatch match;
  static const std::regex kTps(R"(tps = ([0-9.]+) \(without initial connection time\))");
  if (status != 0 || !std::regex_search(output, match, kTps)) {
    return absl::InternalError(absl::StrCat("pgbench failed: ", output));
  }
  return std::stod(match[1].str());
}

}  // namespace fgc::bench
