#pragma once

#include <string>
#include <utility>

namespace riskwarn::config {

// A credential read from a file or $CREDENTIALS_DIRECTORY. It has no stream operator and no
// formatter on purpose: the only way to the bytes is reveal(), at the point of use.
class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}

  // The secret bytes; call only where they are put on the wire or into a signature.
  const std::string& reveal() const { return value_; }
  bool empty() const { return value_.empty(); }

 private:
  std::string value_;
};

}  // namespace riskwarn::config
