#include "common/crypto/envelope.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/crypto/scoped_temp_dir.h"

namespace fgc::crypto {
namespace {

constexpr char kConference[] = "tenants/t1/conferences/c1";
constexpr char kMember[] = "tenants/t1/conferences/c1/members/m1";

KeyEncryptionKey NewKek() { return KeyEncryptionKey::FromBytes(RandomBytes(32).value()).value(); }

TEST(Envelope, WrappedDataKeyUnwrapsToTheSameKey) {
  const KeyEncryptionKey kek = NewKek();
  const DataKey dek = GenerateDataKey().value();
  const std::string wrapped = WrapDataKey(kek, dek, kConference).value();
  const DataKey unwrapped = UnwrapDataKey(kek, wrapped, kConference).value();
  EXPECT_EQ(unwrapped.bytes(), dek.bytes());
  EXPECT_EQ(wrapped.find(dek.bytes()), std::string::npos);
}

TEST(Envelope, UnwrapRejectsAnotherConferencesName) {
  const KeyEncryptionKey kek = NewKek();
  const std::string wrapped = WrapDataKey(kek, GenerateDataKey().value(), kConference).value();
  EXPECT_EQ(UnwrapDataKey(kek, wrapped, "tenants/t1/conferences/c2").status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(UnwrapDataKey(kek, wrapped, "tenants/t2/conferences/c1").status().code(),
            absl::StatusCode::kDataLoss);
}

TEST(Envelope, UnwrapRejectsAnotherKek) {
  const std::string wrapped = WrapDataKey(NewKek(), GenerateDataKey().value(), kConference).value();
  EXPECT_EQ(UnwrapDataKey(NewKek(), wrapped, kConference).status().code(),
            absl::StatusCode::kDataLoss);
}

TEST(Envelope, UnwrapRejectsChangedBytes) {
  const KeyEncryptionKey kek = NewKek();
  std::string wrapped = WrapDataKey(kek, GenerateDataKey().value(), kConference).value();
  wrapped[20] ^= 0x01;
  EXPECT_EQ(UnwrapDataKey(kek, wrapped, kConference).status().code(), absl::StatusCode::kDataLoss);
}

TEST(Envelope, SealedFieldOpensOnlyForItsRowAndField) {
  const DataKey dek = GenerateDataKey().value();
  const std::string sealed = SealField(dek, "021 555 0199", kMember, "phone").value();
  EXPECT_EQ(OpenField(dek, sealed, kMember, "phone").value(), "021 555 0199");
  EXPECT_EQ(OpenField(dek, sealed, kMember, "email").status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(OpenField(dek, sealed, "tenants/t1/conferences/c1/members/m2", "phone").status().code(),
            absl::StatusCode::kDataLoss);
}

TEST(Envelope, SealedFieldDoesNotOpenUnderAnotherDataKey) {
  const std::string sealed =
      SealField(GenerateDataKey().value(), "Aroha", kMember, "display_name").value();
  EXPECT_EQ(OpenField(GenerateDataKey().value(), sealed, kMember, "display_name").status().code(),
            absl::StatusCode::kDataLoss);
}

TEST(Envelope, NamesWithNewlinesAreRejected) {
  const DataKey dek = GenerateDataKey().value();
  EXPECT_EQ(SealField(dek, "x", "tenants/t1\nfoo", "phone").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(WrapDataKey(NewKek(), dek, "").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(Envelope, MovedFromKeyIsWiped) {
  DataKey dek = GenerateDataKey().value();
  const std::string original(dek.bytes());
  DataKey moved = std::move(dek);
  EXPECT_EQ(moved.bytes(), original);
  EXPECT_EQ(dek.bytes(), std::string(32, '\0'));  // NOLINT(bugprone-use-after-move)
}

TEST(KeyEncryptionKey, EnvironmentValueWins) {
  ScopedTempDir state;
  const std::string bytes = RandomBytes(32).value();
  const KeyEncryptionKey kek =
      LoadKeyEncryptionKeyFrom(Base64Encode(bytes), state.path(), KekProvisioning::kCreateIfMissing)
          .value();
  EXPECT_EQ(kek.bytes(), bytes);
  EXPECT_FALSE(std::filesystem::exists(KeyEncryptionKeyPath(state.path())));
}

TEST(KeyEncryptionKey, MalformedEnvironmentValueIsAnErrorNotAFallback) {
  ScopedTempDir state;
  for (const char* bad : {"", "not base64!", "AAAA"}) {
    EXPECT_EQ(LoadKeyEncryptionKeyFrom(bad, state.path(), KekProvisioning::kCreateIfMissing)
                  .status()
                  .code(),
              absl::StatusCode::kInvalidArgument)
        << bad;
  }
}

TEST(KeyEncryptionKey, DevelopmentKeyIsCreatedOnceWithPrivateModesThenReused) {
  ScopedTempDir state;
  const KeyEncryptionKey first =
      LoadKeyEncryptionKeyFrom(std::nullopt, state.path(), KekProvisioning::kCreateIfMissing)
          .value();
  const KeyEncryptionKey second =
      LoadKeyEncryptionKeyFrom(std::nullopt, state.path(), KekProvisioning::kRequireExisting)
          .value();
  EXPECT_EQ(first.bytes(), second.bytes());
  struct stat file {};
  struct stat dir {};
  ASSERT_EQ(::stat(KeyEncryptionKeyPath(state.path()).c_str(), &file), 0);
  ASSERT_EQ(::stat((state.path() / "keys").c_str(), &dir), 0);
  EXPECT_EQ(file.st_mode & 0777, 0600u);
  EXPECT_EQ(dir.st_mode & 0777, 0700u);
}

TEST(KeyEncryptionKey, FileHoldsTheBase64ThatFgcKekAccepts) {
  ScopedTempDir state;
  const KeyEncryptionKey kek =
      LoadKeyEncryptionKeyFrom(std::nullopt, state.path(), KekProvisioning::kCreateIfMissing)
          .value();
  std::ifstream in(KeyEncryptionKeyPath(state.path()));
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(KeyEncryptionKey::FromBase64(text).value().bytes(), kek.bytes());
}

TEST(KeyEncryptionKey, ProductionRefusesToInventAKey) {
  ScopedTempDir state;
  EXPECT_EQ(LoadKeyEncryptionKeyFrom(std::nullopt, state.path(), KekProvisioning::kRequireExisting)
                .status()
                .code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_FALSE(std::filesystem::exists(KeyEncryptionKeyPath(state.path())));
}

}  // namespace
}  // namespace fgc::crypto
