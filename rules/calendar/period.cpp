#include "rules/calendar/period.hpp"

namespace riskwarn {

std::string_view to_string(PeriodSource source) {
  switch (source) {
    case PeriodSource::lunar:
      return "lunar";
    case PeriodSource::official:
      return "official";
    case PeriodSource::config:
      return "config";
    case PeriodSource::ics:
      return "ics";
    case PeriodSource::estimate:
      return "estimate";
  }
  return "lunar";
}

}  // namespace riskwarn
