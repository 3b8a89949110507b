#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace riskwarn::notify {

// The 32-byte HMAC-SHA256 of message under key (raw bytes, not encoded).
std::string hmac_sha256(std::string_view key, std::string_view message);

// Standard base64 (RFC 4648 §4) with padding.
std::string base64_encode(std::string_view bytes);

// Decodes standard base64, padded or unpadded; nullopt on any character outside the alphabet,
// misplaced padding or an impossible length.
std::optional<std::string> base64_decode(std::string_view text);

// Compares two byte strings in time that depends only on their lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace riskwarn::notify
