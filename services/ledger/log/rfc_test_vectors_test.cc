// The inclusion and consistency cases of tests/testdata/merkle (transparency-dev/merkle's
// test vectors, happy and corrupted): the verifier must accept exactly those with wantErr
// false.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "common/crypto/encoding.h"
#include "services/ledger/log/proof_verification.h"

namespace fgc::ledger::log {
namespace {

namespace fs = std::filesystem;

// The source tree this test was built from (fgc_test defines FGC_SOURCE_DIR).
fs::path TestDataDir() { return fs::path(FGC_SOURCE_DIR) / "tests" / "testdata" / "merkle"; }

// Every case file below `dir`, sorted so failures name the same file each run.
std::vector<fs::path> CaseFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

nlohmann::json ReadJson(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

std::string Bytes(const nlohmann::json& base64) {
  return crypto::Base64Decode(base64.get<std::string>()).value();
}

std::vector<std::string> Proof(const nlohmann::json& proof) {
  std::vector<std::string> hashes;
  if (proof.is_null()) return hashes;
  for (const nlohmann::json& hash : proof) hashes.push_back(Bytes(hash));
  return hashes;
}

TEST(RfcTestVectors, InclusionCasesAreJudgedAsExpected) {
  const std::vector<fs::path> files = CaseFiles(TestDataDir() / "inclusion");
  ASSERT_GE(files.size(), 98u) << "test data missing below " << TestDataDir();
  for (const fs::path& file : files) {
    const nlohmann::json c = ReadJson(file);
    const absl::Status status =
        VerifyInclusion(c["leafIdx"].get<uint64_t>(), c["treeSize"].get<uint64_t>(),
                        Bytes(c["leafHash"]), Proof(c["proof"]), Bytes(c["root"]));
    EXPECT_EQ(status.ok(), !c["wantErr"].get<bool>()) << file << ": " << status;
  }
}

TEST(RfcTestVectors, ConsistencyCasesAreJudgedAsExpected) {
  const std::vector<fs::path> files = CaseFiles(TestDataDir() / "consistency");
  ASSERT_GE(files.size(), 98u) << "test data missing below " << TestDataDir();
  for (const fs::path& file : files) {
    const nlohmann::json c = ReadJson(file);
    const absl::Status status =
        VerifyConsistency(c["size1"].get<uint64_t>(), c["size2"].get<uint64_t>(), Proof(c["proof"]),
                          Bytes(c["root1"]), Bytes(c["root2"]));
    EXPECT_EQ(status.ok(), !c["wantErr"].get<bool>()) << file << ": " << status;
  }
}

}  // namespace
}  // namespace fgc::ledger::log
