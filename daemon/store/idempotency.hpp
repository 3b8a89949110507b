#pragma once

#include <string>

namespace riskwarn::store {

// A fresh notification idempotency id: "ntf_" followed by 20 lowercase base32 characters
// (100 random bits from the kernel). Contains no '.', so it is safe in Standard Webhooks
// headers. Throws std::system_error if the kernel's random source fails.
std::string new_idempotency_id();

}  // namespace riskwarn::store
