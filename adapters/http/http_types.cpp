#include "adapters/http/http_types.hpp"

#include <algorithm>

namespace riskwarn::http {

std::optional<std::string> HttpResponse::header(std::string_view lowercase_name) const {
  const auto found = std::find_if(headers.begin(), headers.end(),
                                  [&](const Header& h) { return h.name == lowercase_name; });
  if (found == headers.end()) {
    return std::nullopt;
  }
  return found->value;
}

}  // namespace riskwarn::http
