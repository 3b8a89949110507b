#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "rules/alerts/alert.hpp"

namespace riskwarn {

// Who a message is for, and how to show times to them.
struct Recipient {
  std::string county_name;
  std::string department;  // the county's name for the department, e.g. 县公安局交通管理大队
  std::chrono::seconds utc_offset{8 * 3600};
};

// The title of a hazard at a level in Chinese: "大雾橙色预警"; "暴雪提示" for a notice.
std::string warning_title(Hazard hazard, Level level);

// The title of an alert change in Chinese, e.g. "大雾橙色预警" or "大雾预警解除".
std::string alert_title(const AlertChange& change);

// The plain-text Chinese message telling one department about its alert changes of one cycle:
// the county, each alert's title and status, its window in county local time with the offset,
// and the actions to take. Pure.
std::string department_message(const Recipient& recipient, const std::vector<AlertChange>& changes);

}  // namespace riskwarn
