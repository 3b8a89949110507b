#include "rules/assess/assess_all.hpp"

#include "rules/assess/cold_wave.hpp"
#include "rules/assess/fog.hpp"
#include "rules/assess/gale.hpp"
#include "rules/assess/road_icing.hpp"
#include "rules/assess/snowstorm.hpp"

namespace riskwarn {

std::vector<HazardAssessment> assess_all(const HourlySeries& series, const Thresholds& thresholds) {
  std::vector<HazardAssessment> assessments;
  assessments.reserve(kAllHazards.size());
  assessments.push_back(assess_fog(series, thresholds.fog));
  assessments.push_back(assess_snowstorm(series, thresholds.snowstorm));
  assessments.push_back(assess_road_icing(series, thresholds.road_icing));
  assessments.push_back(assess_gale(series, thresholds.gale));
  assessments.push_back(assess_cold_wave(series, thresholds.cold_wave));
  return assessments;
}

}  // namespace riskwarn
