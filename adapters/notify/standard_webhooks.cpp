#include "adapters/notify/standard_webhooks.hpp"

#include <charconv>
#include <string>

#include "adapters/notify/crypto.hpp"

namespace riskwarn::notify {
namespace {

constexpr std::string_view kSecretPrefix = "whsec_";
constexpr std::string_view kVersionPrefix = "v1,";

std::string signed_content(std::string_view msg_id, std::string_view timestamp,
                           std::string_view body) {
  std::string content;
  content.reserve(msg_id.size() + timestamp.size() + body.size() + 2);
  content.append(msg_id).append(1, '.').append(timestamp).append(1, '.').append(body);
  return content;
}

std::string signature_of(const SigningKey& key, std::string_view msg_id, std::string_view timestamp,
                         std::string_view body) {
  return base64_encode(hmac_sha256(key.bytes().reveal(), signed_content(msg_id, timestamp, body)));
}

}  // namespace

Result<SigningKey> SigningKey::from_secret(const config::Secret& secret) {
  std::string_view encoded = secret.reveal();
  if (encoded.starts_with(kSecretPrefix))
    encoded.remove_prefix(kSecretPrefix.size());
  auto decoded = base64_decode(encoded);
  if (!decoded)
    return Error{"webhook signing secret is not \"whsec_\" followed by base64"};
  if (decoded->empty())
    return Error{"webhook signing secret is empty"};
  return SigningKey(config::Secret(std::move(*decoded)));
}

std::string sign_v1(const SigningKey& key, std::string_view msg_id, std::int64_t timestamp,
                    std::string_view body) {
  return std::string(kVersionPrefix) + signature_of(key, msg_id, std::to_string(timestamp), body);
}

Result<std::string> sign_v1(const config::Secret& secret, std::string_view msg_id,
                            std::int64_t timestamp, std::string_view body) {
  auto key = SigningKey::from_secret(secret);
  if (!key)
    return key.error();
  return sign_v1(*key, msg_id, timestamp, body);
}

Verification verify_v1(const config::Secret& secret, std::string_view msg_id,
                       std::string_view timestamp_header, std::string_view body,
                       std::string_view signature_header, TimePoint now) {
  const auto key = SigningKey::from_secret(secret);
  if (!key)
    return Verification::malformed_secret;

  std::int64_t timestamp = 0;
  const char* first = timestamp_header.data();
  const char* last = first + timestamp_header.size();
  const auto [end, ec] = std::from_chars(first, last, timestamp);
  if (timestamp_header.empty() || ec != std::errc{} || end != last)
    return Verification::malformed_timestamp;
  const std::int64_t now_seconds = now.time_since_epoch().count();
  if (timestamp > now_seconds + kTimestampTolerance.count() ||
      timestamp < now_seconds - kTimestampTolerance.count()) {
    return Verification::stale_timestamp;
  }

  // Sign the header text as received, so that what is checked is exactly what was signed.
  const std::string expected = signature_of(*key, msg_id, timestamp_header, body);
  bool matched = false;
  std::string_view rest = signature_header;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    const std::string_view entry = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    if (entry.starts_with(kVersionPrefix))
      matched |= constant_time_equal(entry.substr(kVersionPrefix.size()), expected);
  }
  return matched ? Verification::valid : Verification::no_matching_signature;
}

}  // namespace riskwarn::notify
