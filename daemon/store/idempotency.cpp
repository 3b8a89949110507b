#include "daemon/store/idempotency.hpp"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <span>
#include <string_view>
#include <system_error>

namespace riskwarn::store {

namespace {

constexpr std::string_view kPrefix = "ntf_";
constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz234567";  // RFC 4648 base32
constexpr std::size_t kSymbols = 20;

void fill_random(std::span<unsigned char> bytes) {
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    const ssize_t n = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    filled += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::string new_idempotency_id() {
  std::array<unsigned char, kSymbols> bytes{};
  fill_random(bytes);
  std::string id(kPrefix);
  for (const unsigned char b : bytes) {
    id += kAlphabet[b % kAlphabet.size()];  // 256 is a multiple of 32: no bias
  }
  return id;
}

}  // namespace riskwarn::store
