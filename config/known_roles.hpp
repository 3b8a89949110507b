#pragma once

#include <span>
#include <string_view>

namespace riskwarn::config {

// A department role that a county may map to one of its departments.
struct KnownRole {
  std::string_view role;         // the key used in config and rules, e.g. "traffic_police"
  std::string_view description;  // what it is today, in Chinese, e.g. "公安交警"
};

// Every role a department may carry: the roles of the default sector rules and the
// cross-cutting ones (safety committee office, supervision office, townships), sorted by name.
// This is the one list of roles; rules and counties are checked against it.
std::span<const KnownRole> known_roles();

// True when role is in known_roles().
bool is_known_role(std::string_view role);

// The known role names joined by ", ", for messages.
std::string_view known_role_names();

}  // namespace riskwarn::config
