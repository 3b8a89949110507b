#include "adapters/notify/standard_webhooks.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "adapters/notify/crypto.hpp"
#include "tests/support/temp_dir.hpp"

namespace riskwarn::notify {
namespace {

using std::chrono::seconds;

struct SignatureVector {
  std::string id;
  std::string secret;
  std::string msg_id;
  std::int64_t timestamp = 0;
  std::string payload;
  std::string expected;
  std::vector<std::string> must_not_verify;
};

std::vector<SignatureVector> load_vectors() {
  std::ifstream in(test::fixture("channel_vectors.json"));
  const auto json = nlohmann::json::parse(in);
  std::vector<SignatureVector> vectors;
  for (const auto& v : json.at("vectors")) {
    if (v.at("channel") != "standard_webhooks")
      continue;
    const auto& inputs = v.at("inputs");
    SignatureVector vector{v.at("id"),
                           inputs.at("secret"),
                           inputs.at("msg_id"),
                           std::stoll(inputs.at("timestamp").get<std::string>()),
                           inputs.at("payload"),
                           v.at("expected_signature"),
                           {}};
    if (v.contains("negative"))
      vector.must_not_verify = v.at("negative").at("must_not_verify");
    vectors.push_back(std::move(vector));
  }
  return vectors;
}

TimePoint at(std::int64_t unix_seconds) {
  return TimePoint{seconds{unix_seconds}};
}

TEST(StandardWebhooks, SignsEveryPublishedVector) {
  const auto vectors = load_vectors();
  ASSERT_EQ(vectors.size(), 2u);
  for (const auto& v : vectors) {
    const auto signature = sign_v1(config::Secret(v.secret), v.msg_id, v.timestamp, v.payload);
    ASSERT_TRUE(signature.ok()) << v.id;
    EXPECT_EQ(*signature, v.expected) << v.id;
  }
}

TEST(StandardWebhooks, VerifiesEveryPublishedVectorAndRejectsItsNegatives) {
  for (const auto& v : load_vectors()) {
    const config::Secret secret(v.secret);
    const std::string ts = std::to_string(v.timestamp);
    EXPECT_EQ(verify_v1(secret, v.msg_id, ts, v.payload, v.expected, at(v.timestamp)),
              Verification::valid)
        << v.id;
    ASSERT_FALSE(v.must_not_verify.empty()) << v.id;
    for (const auto& bad : v.must_not_verify) {
      EXPECT_EQ(verify_v1(secret, v.msg_id, ts, v.payload, bad, at(v.timestamp)),
                Verification::no_matching_signature)
          << v.id << " " << bad;
    }
  }
}

// Derived: key "riskwarn-test-key-25bytes" (25 bytes, so its base64 carries "==" padding),
// signature computed with Python hmac.
constexpr std::string_view kPaddedSecret = "whsec_cmlza3dhcm4tdGVzdC1rZXktMjVieXRlcw==";
constexpr std::string_view kUnpaddedSecret = "whsec_cmlza3dhcm4tdGVzdC1rZXktMjVieXRlcw";
constexpr std::string_view kChineseBody = R"({"text":"大雾橙色预警"})";
constexpr std::string_view kChineseSignature = "v1,5DUcqkcr3xfNtF7JWxKNSi4Rwunw/fd7+jLGXWJqDiI=";

TEST(StandardWebhooks, AcceptsPaddedUnpaddedAndUnprefixedSecretsAlike) {
  for (const std::string_view secret :
       {kPaddedSecret, kUnpaddedSecret, kUnpaddedSecret.substr(6)}) {
    const auto signature =
        sign_v1(config::Secret(std::string(secret)), "msg_riskwarn1", 1767124800, kChineseBody);
    ASSERT_TRUE(signature.ok()) << secret;
    EXPECT_EQ(*signature, kChineseSignature) << secret;
  }
}

TEST(StandardWebhooks, RejectsMalformedSecretsWithoutQuotingThem) {
  for (const std::string_view secret :
       {"whsec_not base64!", "whsec_", "whsec_QQ=", "whsec_A", "whsec_c2VjcmV0\n"}) {
    const auto signature = sign_v1(config::Secret(std::string(secret)), "msg_1", 1, "{}");
    ASSERT_FALSE(signature.ok()) << secret;
    EXPECT_FALSE(signature.error().message.empty());
    const std::string_view encoded = secret.substr(6);
    if (!encoded.empty()) {
      EXPECT_EQ(signature.error().message.find(encoded), std::string::npos)
          << signature.error().message;
    }
    EXPECT_EQ(verify_v1(config::Secret(std::string(secret)), "msg_1", "1", "{}", "v1,AAAA", at(1)),
              Verification::malformed_secret);
  }
}

TEST(StandardWebhooks, ToleratesFiveMinutesOfSkewEitherWay) {
  const config::Secret secret{std::string(kPaddedSecret)};
  const auto check = [&](std::int64_t now) {
    return verify_v1(secret, "msg_riskwarn1", "1767124800", kChineseBody, kChineseSignature,
                     at(now));
  };
  EXPECT_EQ(check(1767124800 + 300), Verification::valid);
  EXPECT_EQ(check(1767124800 - 300), Verification::valid);
  EXPECT_EQ(check(1767124800 + 301), Verification::stale_timestamp);
  EXPECT_EQ(check(1767124800 - 301), Verification::stale_timestamp);
}

TEST(StandardWebhooks, RejectsTimestampsThatAreNotIntegers) {
  const config::Secret secret{std::string(kPaddedSecret)};
  for (const std::string_view ts : {"", "1767124800.0", "x1767124800", "1767124800 "}) {
    EXPECT_EQ(
        verify_v1(secret, "msg_riskwarn1", ts, kChineseBody, kChineseSignature, at(1767124800)),
        Verification::malformed_timestamp)
        << ts;
  }
}

TEST(StandardWebhooks, FindsTheMatchingEntryInASpaceDelimitedList) {
  const config::Secret secret{std::string(kPaddedSecret)};
  const std::string rotated = "v1a,ignored v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= " +
                              std::string(kChineseSignature);
  EXPECT_EQ(verify_v1(secret, "msg_riskwarn1", "1767124800", kChineseBody, rotated, at(1767124800)),
            Verification::valid);
  const std::string other_version = "v1a," + std::string(kChineseSignature.substr(3));
  EXPECT_EQ(
      verify_v1(secret, "msg_riskwarn1", "1767124800", kChineseBody, other_version, at(1767124800)),
      Verification::no_matching_signature);
}

TEST(StandardWebhooks, ASignatureCoversIdTimestampAndEveryBodyByte) {
  const config::Secret secret{std::string(kPaddedSecret)};
  const auto verify = [&](std::string_view id, std::string_view ts, std::string_view body) {
    return verify_v1(secret, id, ts, body, kChineseSignature, at(1767124800));
  };
  EXPECT_EQ(verify("msg_riskwarn1", "1767124800", kChineseBody), Verification::valid);
  EXPECT_EQ(verify("msg_riskwarn2", "1767124800", kChineseBody),
            Verification::no_matching_signature);
  EXPECT_EQ(verify("msg_riskwarn1", "1767124801", kChineseBody),
            Verification::no_matching_signature);
  EXPECT_EQ(verify("msg_riskwarn1", "1767124800", R"({"text": "大雾橙色预警"})"),
            Verification::no_matching_signature);
}

TEST(Base64, RoundTripsEveryLengthModuloThree) {
  for (const std::string& bytes : {std::string(), std::string("a"), std::string("ab"),
                                   std::string("abc"), std::string("\0\xff\x10", 3)}) {
    const auto encoded = base64_encode(bytes);
    EXPECT_EQ(encoded.size() % 4, 0u);
    EXPECT_EQ(base64_decode(encoded), bytes) << encoded;
  }
  EXPECT_EQ(base64_encode("ab"), "YWI=");
  EXPECT_EQ(base64_decode("YWI"), "ab");
  EXPECT_EQ(base64_decode("YQ"), "a");
}

TEST(Base64, RejectsWhatIsNotStandardBase64) {
  for (const std::string_view text : {"Y", "YWI==", "Y=WI", "YW-I", "YW_I", "YWI=\n", " YWI="}) {
    EXPECT_FALSE(base64_decode(text).has_value()) << text;
  }
}

TEST(HmacSha256, MatchesRfc4231TestCase2) {
  EXPECT_EQ(base64_encode(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
}

}  // namespace
}  // namespace riskwarn::notify
