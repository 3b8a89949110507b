#include "adapters/notify/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace riskwarn::notify {
namespace {

bool is_base64_alphabet(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

const unsigned char* as_bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

std::string hmac_sha256(std::string_view key, std::string_view message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // An empty string_view may carry a null pointer; HMAC wants a valid one even for length 0.
  static constexpr unsigned char kEmpty = 0;
  const unsigned char* key_bytes = key.empty() ? &kEmpty : as_bytes(key);
  const unsigned char* message_bytes = message.empty() ? &kEmpty : as_bytes(message);
  HMAC(EVP_sha256(), key_bytes, static_cast<int>(key.size()), message_bytes, message.size(), digest,
       &length);
  return std::string(reinterpret_cast<const char*>(digest), length);
}

std::string base64_encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), as_bytes(bytes),
                                      static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::size_t data_length = text.size();
  while (data_length > 0 && text.size() - data_length < 2 && text[data_length - 1] == '=')
    --data_length;
  const std::string_view data = text.substr(0, data_length);
  for (const char c : data) {
    if (!is_base64_alphabet(c))
      return std::nullopt;
  }
  // One leftover character cannot encode a byte; padding, when present, must complete a quantum.
  if (data.size() % 4 == 1)
    return std::nullopt;
  if (data_length != text.size() && text.size() % 4 != 0)
    return std::nullopt;

  std::string padded(data);
  const std::size_t padding = (4 - data.size() % 4) % 4;
  padded.append(padding, '=');
  std::string out(padded.size() / 4 * 3, '\0');
  const int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      as_bytes(padded), static_cast<int>(padded.size()));
  if (written < 0)
    return std::nullopt;
  // EVP_DecodeBlock counts the bytes the padding stands for; they are not data.
  out.resize(static_cast<std::size_t>(written) - padding);
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace riskwarn::notify
