#include "rules/assess/fog.hpp"

#include <cstddef>
#include <optional>

#include "rules/assess/series.hpp"

namespace riskwarn {
namespace {

// A condition over inputs that may be missing.
enum class Truth { no, yes, undecided };

// Either of two sources may show the condition; at least one present source is needed to rule
// it out.
Truth either(std::optional<bool> measured, std::optional<bool> coded) {
  if (measured.value_or(false) || coded.value_or(false))
    return Truth::yes;
  if (measured || coded)
    return Truth::no;
  return Truth::undecided;
}

// Whether a present value satisfies the predicate; nullopt when the value is missing.
template <class Predicate>
std::optional<bool> holds(std::optional<double> value, Predicate predicate) {
  if (!value)
    return std::nullopt;
  return predicate(*value);
}

bool is_fog_code(double code) {
  return code == 45 || code == 48;
}

bool is_precipitation_code(double code) {
  return code >= 51 && code <= 99;
}

Level level_for_visibility(double visibility_m, const FogThresholds& thresholds) {
  if (visibility_m < thresholds.red_visibility_m)
    return Level::red;
  if (visibility_m < thresholds.orange_visibility_m)
    return Level::orange;
  if (visibility_m < thresholds.yellow_visibility_m)
    return Level::yellow;
  return Level::none;
}

}  // namespace

std::optional<bool> is_fog_hour(const HourlySeries& series, std::size_t hour,
                                const FogThresholds& thresholds) {
  const std::optional<double> visibility = value_at(series.column(Variable::visibility_m), hour);
  if (!visibility)
    return std::nullopt;
  if (*visibility >= thresholds.visibility_max_m)
    return false;

  const std::optional<double> code = value_at(series.column(Variable::weather_code), hour);
  const Truth humid = either(holds(value_at(series.column(Variable::relative_humidity_pct), hour),
                                   [&](double rh) { return rh >= thresholds.humidity_min_pct; }),
                             holds(code, is_fog_code));
  const Truth precipitating =
      either(holds(value_at(series.column(Variable::precipitation_mm), hour),
                   [&](double mm) { return mm >= thresholds.precipitation_max_mm; }),
             holds(code, is_precipitation_code));
  if (humid == Truth::no || precipitating == Truth::yes)
    return false;
  if (humid == Truth::undecided || precipitating == Truth::undecided)
    return std::nullopt;
  return true;
}

HazardAssessment assess_fog(const HourlySeries& series, const FogThresholds& thresholds) {
  HazardAssessment assessment;
  assessment.hazard = Hazard::fog;
  const Column* visibility = series.column(Variable::visibility_m);
  if (visibility == nullptr)
    return assessment;
  assessment.evaluated = true;

  const std::size_t hours = series.times.size();
  assessment.intensity.assign(hours, Level::none);
  for (std::size_t h = 0; h < hours; ++h) {
    const std::optional<bool> fog = is_fog_hour(series, h, thresholds);
    if (!fog) {
      assessment.missing.push_back(series.times[h]);
    } else if (*fog) {
      assessment.intensity[h] = level_for_visibility(*value_at(visibility, h), thresholds);
    }
  }
  assessment.signal = signal_from_intensity(assessment.intensity, thresholds.lead);
  return assessment;
}

}  // namespace riskwarn
