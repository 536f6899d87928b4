#include "common/crypto/private_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "common/crypto/scoped_temp_dir.h"

namespace fgc::crypto {
namespace {

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 0777;
}

TEST(PrivateFile, CreatesOwnerOnlyFileAndDirectory) {
  ScopedTempDir temp;
  const auto dir = temp.path() / "state" / "keys";
  ASSERT_TRUE(EnsurePrivateDirectory(dir).ok());
  ASSERT_TRUE(CreatePrivateFile(dir / "secret", "s3cret").ok());
  EXPECT_EQ(ModeOf(dir), 0700u);
  EXPECT_EQ(ModeOf(dir / "secret"), 0600u);
  EXPECT_EQ(ReadPrivateFile(dir / "secret").value(), "s3cret");
}

TEST(PrivateFile, NeverReplacesAnExistingFile) {
  ScopedTempDir temp;
  ASSERT_TRUE(CreatePrivateFile(temp.path() / "secret", "first").ok());
  EXPECT_EQ(CreatePrivateFile(temp.path() / "secret", "second").code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(ReadPrivateFile(temp.path() / "secret").value(), "first");
}

TEST(PrivateFile, ExactlyOneOfConcurrentCreatorsWins) {
  ScopedTempDir temp;
  std::vector<absl::Status> results(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      results[i] = CreatePrivateFile(temp.path() / "secret", std::string(1000, 'a' + i));
    });
  }
  for (auto& t : threads) t.join();
  int winners = 0;
  for (const auto& status : results) {
    if (status.ok())
      ++winners;
    else
      EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  }
  EXPECT_EQ(winners, 1);
  EXPECT_EQ(ReadPrivateFile(temp.path() / "secret").value().size(), 1000u);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(temp.path()), {}), 1);
}

TEST(PrivateFile, ReadingAMissingFileIsNotFound) {
  ScopedTempDir temp;
  EXPECT_EQ(ReadPrivateFile(temp.path() / "absent").status().code(), absl::StatusCode::kNotFound);
}

TEST(PrivateFile, RefusesToReadAFileOthersCanRead) {
  ScopedTempDir temp;
  const auto path = temp.path() / "leaky";
  std::ofstream(path) << "secret";
  ::chmod(path.c_str(), 0644);
  EXPECT_EQ(ReadPrivateFile(path).status().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace fgc::crypto
