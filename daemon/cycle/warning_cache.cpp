#include "daemon/cycle/warning_cache.hpp"

namespace riskwarn::cycle {

void WarningCache::put(const std::string& feed, const std::string& county,
                       std::vector<OfficialWarning> warnings, TimePoint at) {
  entries_.insert_or_assign({feed, county}, Entry{std::move(warnings), at});
}

void WarningCache::confirm(const std::string& feed, const std::string& county, TimePoint at) {
  entries_[{feed, county}].confirmed_at = at;
}

std::optional<std::vector<OfficialWarning>> WarningCache::fresh(
    const std::string& feed, const std::string& county, TimePoint now,
    std::chrono::seconds max_age) const {
  const auto found = entries_.find({feed, county});
  if (found == entries_.end() || now - found->second.confirmed_at > max_age)
    return std::nullopt;
  return found->second.warnings;
}

void WarningCache::retain(const std::set<std::pair<std::string, std::string>>& keep) {
  std::erase_if(entries_, [&](const auto& item) { return !keep.contains(item.first); });
}

}  // namespace riskwarn::cycle
