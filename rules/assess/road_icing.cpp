#include "rules/assess/road_icing.hpp"

#include <cstddef>
#include <optional>

#include "rules/assess/hundredths.hpp"
#include "rules/assess/series.hpp"

namespace riskwarn {
namespace {

// The inputs of one hour; nullptr where missing.
struct IcingInputs {
  const double* code;
  const double* precipitation_mm;
  const double* surface_c;
};

// The level of an icing hour from its own inputs (none when it is not one).
Level icing_level(const IcingInputs& in, Hundredths surface_max, Hundredths precipitation_min) {
  if (in.code != nullptr) {
    const double code = *in.code;
    if (code == 67)
      return Level::red;
    if (code == 56 || code == 57 || code == 66)
      return Level::orange;
    if (code == 48)
      return Level::yellow;
  }
  if (in.precipitation_mm != nullptr && in.surface_c != nullptr &&
      to_hundredths(*in.precipitation_mm) >= precipitation_min &&
      to_hundredths(*in.surface_c) <= surface_max)
    return Level::yellow;
  return Level::none;
}

// Residual ice after the last icing hour: its age and the thaw since.
class ResidualIce {
 public:
  ResidualIce(const RoadIcingThresholds& t, Hundredths surface_max)
      : residual_hours_(static_cast<std::size_t>(t.residual_hours < 0 ? 0 : t.residual_hours)),
        thaw_hours_(t.thaw_hours),
        surface_max_(surface_max) {}

  // Records an icing hour at index h.
  void icing(std::size_t h) {
    last_icing_ = h;
    warm_run_ = 0;
    thawed_ = false;
  }

  // Records the surface of a later hour without icing, and whether ice remains at that hour
  // (index h). A missing surface neither keeps ice nor counts towards a thaw.
  bool remains(std::size_t h, const double* surface_c) {
    const bool known = surface_c != nullptr;
    const bool frozen = known && to_hundredths(*surface_c) <= surface_max_;
    warm_run_ = (known && !frozen) ? warm_run_ + 1 : 0;
    if (warm_run_ >= thaw_hours_)
      thawed_ = true;
    return frozen && last_icing_ && !thawed_ && h - *last_icing_ <= residual_hours_;
  }

 private:
  std::size_t residual_hours_;
  int thaw_hours_;
  Hundredths surface_max_;
  std::optional<std::size_t> last_icing_;
  int warm_run_ = 0;
  bool thawed_ = false;
};

}  // namespace

HazardAssessment assess_road_icing(const HourlySeries& series,
                                   const RoadIcingThresholds& thresholds) {
  HazardAssessment assessment;
  assessment.hazard = Hazard::road_icing;
  const Column* air = series.column(Variable::temperature_c);
  if (air == nullptr)
    return assessment;
  assessment.evaluated = true;
  const Column* soil = series.column(Variable::soil_temperature_c);
  const Column* code = series.column(Variable::weather_code);
  const Column* precipitation = series.column(Variable::precipitation_mm);
  const Hundredths surface_max = to_hundredths(thresholds.surface_max_c);
  const Hundredths precipitation_min = to_hundredths(thresholds.precipitation_min_mm);

  const std::size_t hours = series.times.size();
  assessment.intensity.assign(hours, Level::none);
  ResidualIce residual(thresholds, surface_max);
  for (std::size_t h = 0; h < hours; ++h) {
    const double* soil_c = value_ptr(soil, h);
    const IcingInputs in{value_ptr(code, h), value_ptr(precipitation, h),
                         soil_c != nullptr ? soil_c : value_ptr(air, h)};
    if (in.surface_c == nullptr || (code != nullptr && in.code == nullptr) ||
        (precipitation != nullptr && in.precipitation_mm == nullptr))
      assessment.missing.push_back(series.times[h]);

    const Level level = icing_level(in, surface_max, precipitation_min);
    if (level != Level::none) {
      residual.icing(h);
      assessment.intensity[h] = level;
    } else if (residual.remains(h, in.surface_c)) {
      assessment.intensity[h] = Level::yellow;
    }
  }
  assessment.signal = signal_from_intensity(assessment.intensity, thresholds.lead);
  return assessment;
}

}  // namespace riskwarn
