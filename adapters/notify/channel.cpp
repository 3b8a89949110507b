#include "adapters/notify/channel.hpp"

namespace riskwarn::notify {

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::delivered:
      return "delivered";
    case Outcome::retryable:
      return "retryable";
    case Outcome::cancelled:
      return "cancelled";
    case Outcome::permanent:
      return "permanent";
  }
  return "retryable";
}

}  // namespace riskwarn::notify
