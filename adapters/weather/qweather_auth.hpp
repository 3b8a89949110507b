#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "adapters/http/http_types.hpp"
#include "config/secret.hpp"
#include "rules/result.hpp"
#include "rules/time.hpp"

namespace riskwarn::weather {

// What QWeather's JWT authentication needs (Console → Project → Credential).
struct QWeatherJwtKey {
  std::string key_id;              // the credential ID, sent as the JWT header's kid
  std::string project_id;          // the project ID, sent as the payload's sub
  config::Secret private_key_pem;  // the Ed25519 private key, PKCS#8 PEM
};

// The longest lifetime QWeather accepts for a token.
inline constexpr std::chrono::hours kQWeatherMaxTokenLifetime{24};

// A JWT signed with Ed25519 (alg EdDSA) for QWeather: iat 30 s before now (QWeather's advice
// against clock skew) and exp `lifetime` after now. Errors name what is wrong with the key or
// the arguments, never the key's bytes.
Result<std::string> qweather_jwt(const QWeatherJwtKey& key, TimePoint now,
                                 std::chrono::seconds lifetime = std::chrono::minutes{15});

// The header that carries a JWT: "Authorization: Bearer <jwt>".
http::Header qweather_bearer_header(std::string_view jwt);

// The header that carries an API key: "X-QW-Api-Key: <key>". Use one method, never both.
http::Header qweather_api_key_header(const config::Secret& api_key);

}  // namespace riskwarn::weather
