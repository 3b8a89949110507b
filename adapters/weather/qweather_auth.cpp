#include "adapters/weather/qweather_auth.hpp"

#include <memory>
#include <string>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <nlohmann/json.hpp>

#include "adapters/notify/crypto.hpp"

namespace riskwarn::weather {
namespace {

constexpr std::chrono::seconds kIssuedBeforeNow{30};

Error failure(std::string what) {
  return Error{"qweather: JWT: " + std::move(what)};
}

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// RFC 7515 base64url without padding.
std::string base64url(std::string_view bytes) {
  std::string text = notify::base64_encode(bytes);
  while (!text.empty() && text.back() == '=')
    text.pop_back();
  for (char& c : text) {
    if (c == '+')
      c = '-';
    else if (c == '/')
      c = '_';
  }
  return text;
}

Result<std::unique_ptr<EVP_PKEY, PkeyFree>> read_ed25519_key(const config::Secret& pem) {
  if (pem.empty())
    return failure("the private key is empty");
  const std::unique_ptr<BIO, BioFree> bio{
      BIO_new_mem_buf(pem.reveal().data(), static_cast<int>(pem.reveal().size()))};
  if (!bio)
    return failure("out of memory reading the private key");
  std::unique_ptr<EVP_PKEY, PkeyFree> key{
      PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)};
  if (!key)
    return failure("the private key is not a PEM private key (-----BEGIN PRIVATE KEY-----)");
  if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519)
    return failure("the private key is not an Ed25519 key; QWeather signs with EdDSA (Ed25519)");
  return key;
}

Result<std::string> sign(EVP_PKEY* key, std::string_view message) {
  const std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx{EVP_MD_CTX_new()};
  std::string signature(64, '\0');  // an Ed25519 signature is 64 bytes
  std::size_t length = signature.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    return failure("signing failed");
  }
  signature.resize(length);
  return signature;
}

}  // namespace

Result<std::string> qweather_jwt(const QWeatherJwtKey& key, TimePoint now,
                                 std::chrono::seconds lifetime) {
  if (key.key_id.empty())
    return failure("the credential ID (kid) is empty");
  if (key.project_id.empty())
    return failure("the project ID (sub) is empty");
  if (lifetime <= std::chrono::seconds{0} || lifetime > kQWeatherMaxTokenLifetime)
    return failure("the token lifetime must be more than 0 s and at most 24 h");
  Result<std::unique_ptr<EVP_PKEY, PkeyFree>> pkey = read_ed25519_key(key.private_key_pem);
  if (!pkey)
    return pkey.error();

  const nlohmann::json header = {{"alg", "EdDSA"}, {"kid", key.key_id}};
  const nlohmann::json payload = {{"sub", key.project_id},
                                  {"iat", (now - kIssuedBeforeNow).time_since_epoch().count()},
                                  {"exp", (now + lifetime).time_since_epoch().count()}};
  const std::string signing_input = base64url(header.dump()) + "." + base64url(payload.dump());
  Result<std::string> signature = sign(pkey->get(), signing_input);
  if (!signature)
    return signature.error();
  return signing_input + "." + base64url(*signature);
}

http::Header qweather_bearer_header(std::string_view jwt) {
  return http::Header{"Authorization", "Bearer " + std::string{jwt}};
}

http::Header qweather_api_key_header(const config::Secret& api_key) {
  return http::Header{"X-QW-Api-Key", api_key.reveal()};
}

}  // namespace riskwarn::weather
