#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "config/secret.hpp"
#include "rules/result.hpp"
#include "rules/time.hpp"

// Standard Webhooks v1 signatures (HMAC-SHA256), spec 1.0.0:
// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
namespace riskwarn::notify {

// The HMAC key behind a "whsec_<base64>" secret. It never appears in messages or logs.
class SigningKey {
 public:
  // Strips an optional "whsec_" prefix and base64-decodes the rest (padding optional); an
  // error, which never quotes the secret, when that is not base64 or decodes to nothing.
  static Result<SigningKey> from_secret(const config::Secret& secret);

  const config::Secret& bytes() const { return bytes_; }

 private:
  explicit SigningKey(config::Secret bytes) : bytes_(std::move(bytes)) {}
  config::Secret bytes_;
};

// Receivers reject a webhook-timestamp further than this from their clock, either way.
inline constexpr std::chrono::seconds kTimestampTolerance{300};

// The webhook-signature value "v1,<base64 HMAC-SHA256(key, msg_id.timestamp.body)>".
std::string sign_v1(const SigningKey& key, std::string_view msg_id, std::int64_t timestamp,
                    std::string_view body);

// sign_v1 from a "whsec_" secret; an error when the secret is malformed.
Result<std::string> sign_v1(const config::Secret& secret, std::string_view msg_id,
                            std::int64_t timestamp, std::string_view body);

// What a receiver concludes about a request.
enum class Verification {
  valid,
  malformed_secret,
  malformed_timestamp,  // webhook-timestamp is not a decimal integer
  stale_timestamp,      // further than kTimestampTolerance from now
  no_matching_signature,
};

// Checks a received request as a Standard Webhooks receiver does: the timestamp header is
// within the tolerance of now, and one "v1," entry of the space-delimited signature header
// matches the body (compared in constant time).
Verification verify_v1(const config::Secret& secret, std::string_view msg_id,
                       std::string_view timestamp_header, std::string_view body,
                       std::string_view signature_header, TimePoint now);

}  // namespace riskwarn::notify
