#include "config/threshold_fields.hpp"

#include <array>
#include <type_traits>
#include <vector>

namespace riskwarn::config {
namespace {

using T = Thresholds;
using Fog = FogThresholds;
using Snow = SnowstormThresholds;
using Ice = RoadIcingThresholds;
using Gale = GaleThresholds;
using Cold = ColdWaveThresholds;

constexpr double kMaxLeadHours = 72;
constexpr double kMaxVisibility = 100000;
constexpr double kMaxBeaufort = 17;

template <auto Hazard, auto Member>
double get_member(const Thresholds& thresholds) {
  return (thresholds.*Hazard).*Member;
}

template <auto Hazard, auto Member>
void set_member(Thresholds& thresholds, double value) {
  auto& member = (thresholds.*Hazard).*Member;
  member = static_cast<std::remove_reference_t<decltype(member)>>(value);
}

template <auto Hazard, auto Window>
double get_lead(const Thresholds& thresholds) {
  return (thresholds.*Hazard).lead.*Window;
}

template <auto Hazard, auto Window>
void set_lead(Thresholds& thresholds, double value) {
  (thresholds.*Hazard).lead.*Window = static_cast<int>(value);
}

template <auto Hazard, auto Member>
ThresholdField real(std::string_view hazard, std::string_view key, double min, double max) {
  return {hazard, key, min, max, false, &get_member<Hazard, Member>, &set_member<Hazard, Member>};
}

template <auto Hazard, auto Member>
ThresholdField whole(std::string_view hazard, std::string_view key, double min, double max) {
  return {hazard, key, min, max, true, &get_member<Hazard, Member>, &set_member<Hazard, Member>};
}

template <auto Hazard, auto Window>
ThresholdField lead(std::string_view hazard, std::string_view key) {
  return {
      hazard, key, 0, kMaxLeadHours, true, &get_lead<Hazard, Window>, &set_lead<Hazard, Window>};
}

template <auto Hazard>
void add_lead_windows(std::vector<ThresholdField>& fields, std::string_view hazard) {
  fields.push_back(lead<Hazard, &LeadWindows::blue>(hazard, "lead_blue_h"));
  fields.push_back(lead<Hazard, &LeadWindows::yellow>(hazard, "lead_yellow_h"));
  fields.push_back(lead<Hazard, &LeadWindows::orange>(hazard, "lead_orange_h"));
  fields.push_back(lead<Hazard, &LeadWindows::red>(hazard, "lead_red_h"));
}

std::vector<ThresholdField> make_fields() {
  std::vector<ThresholdField> f;
  f.push_back(real<&T::fog, &Fog::visibility_max_m>("fog", "visibility_max_m", 1, kMaxVisibility));
  f.push_back(real<&T::fog, &Fog::humidity_min_pct>("fog", "humidity_min_pct", 0, 100));
  f.push_back(real<&T::fog, &Fog::precipitation_max_mm>("fog", "precipitation_max_mm", 0, 100));
  f.push_back(
      real<&T::fog, &Fog::yellow_visibility_m>("fog", "yellow_visibility_m", 1, kMaxVisibility));
  f.push_back(
      real<&T::fog, &Fog::orange_visibility_m>("fog", "orange_visibility_m", 1, kMaxVisibility));
  f.push_back(real<&T::fog, &Fog::red_visibility_m>("fog", "red_visibility_m", 1, kMaxVisibility));
  add_lead_windows<&T::fog>(f, "fog");

  f.push_back(real<&T::snowstorm, &Snow::blue_mm>("snowstorm", "blue_mm", 0.1, 1000));
  f.push_back(real<&T::snowstorm, &Snow::yellow_mm>("snowstorm", "yellow_mm", 0.1, 1000));
  f.push_back(real<&T::snowstorm, &Snow::orange_mm>("snowstorm", "orange_mm", 0.1, 1000));
  f.push_back(real<&T::snowstorm, &Snow::red_mm>("snowstorm", "red_mm", 0.1, 1000));
  f.push_back(whole<&T::snowstorm, &Snow::window_blue_h>("snowstorm", "window_blue_h", 1, 72));
  f.push_back(whole<&T::snowstorm, &Snow::window_yellow_h>("snowstorm", "window_yellow_h", 1, 72));
  f.push_back(whole<&T::snowstorm, &Snow::window_orange_h>("snowstorm", "window_orange_h", 1, 72));
  f.push_back(whole<&T::snowstorm, &Snow::window_red_h>("snowstorm", "window_red_h", 1, 72));

  f.push_back(real<&T::road_icing, &Ice::surface_max_c>("road_icing", "surface_max_c", -30, 10));
  f.push_back(real<&T::road_icing, &Ice::precipitation_min_mm>("road_icing", "precipitation_min_mm",
                                                               0, 100));
  f.push_back(whole<&T::road_icing, &Ice::residual_hours>("road_icing", "residual_hours", 0, 168));
  f.push_back(whole<&T::road_icing, &Ice::thaw_hours>("road_icing", "thaw_hours", 1, 72));
  add_lead_windows<&T::road_icing>(f, "road_icing");

  f.push_back(whole<&T::gale, &Gale::blue_mean_force>("gale", "blue_mean_force", 1, kMaxBeaufort));
  f.push_back(whole<&T::gale, &Gale::blue_gust_force>("gale", "blue_gust_force", 1, kMaxBeaufort));
  f.push_back(
      whole<&T::gale, &Gale::yellow_mean_force>("gale", "yellow_mean_force", 1, kMaxBeaufort));
  f.push_back(
      whole<&T::gale, &Gale::yellow_gust_force>("gale", "yellow_gust_force", 1, kMaxBeaufort));
  f.push_back(
      whole<&T::gale, &Gale::orange_mean_force>("gale", "orange_mean_force", 1, kMaxBeaufort));
  f.push_back(
      whole<&T::gale, &Gale::orange_gust_force>("gale", "orange_gust_force", 1, kMaxBeaufort));
  f.push_back(whole<&T::gale, &Gale::red_mean_force>("gale", "red_mean_force", 1, kMaxBeaufort));
  f.push_back(whole<&T::gale, &Gale::red_gust_force>("gale", "red_gust_force", 1, kMaxBeaufort));
  add_lead_windows<&T::gale>(f, "gale");

  f.push_back(real<&T::cold_wave, &Cold::blue_drop_c>("cold_wave", "blue_drop_c", 1, 50));
  f.push_back(real<&T::cold_wave, &Cold::yellow_drop_c>("cold_wave", "yellow_drop_c", 1, 50));
  f.push_back(real<&T::cold_wave, &Cold::orange_drop_c>("cold_wave", "orange_drop_c", 1, 50));
  f.push_back(real<&T::cold_wave, &Cold::red_drop_c>("cold_wave", "red_drop_c", 1, 50));
  f.push_back(real<&T::cold_wave, &Cold::blue_tmin_c>("cold_wave", "blue_tmin_c", -60, 30));
  f.push_back(real<&T::cold_wave, &Cold::yellow_tmin_c>("cold_wave", "yellow_tmin_c", -60, 30));
  f.push_back(real<&T::cold_wave, &Cold::orange_tmin_c>("cold_wave", "orange_tmin_c", -60, 30));
  f.push_back(real<&T::cold_wave, &Cold::red_tmin_c>("cold_wave", "red_tmin_c", -60, 30));
  f.push_back(whole<&T::cold_wave, &Cold::blue_wind_force>("cold_wave", "blue_wind_force", 0,
                                                           kMaxBeaufort));
  f.push_back(whole<&T::cold_wave, &Cold::yellow_wind_force>("cold_wave", "yellow_wind_force", 0,
                                                             kMaxBeaufort));
  f.push_back(whole<&T::cold_wave, &Cold::orange_wind_force>("cold_wave", "orange_wind_force", 0,
                                                             kMaxBeaufort));
  f.push_back(
      whole<&T::cold_wave, &Cold::red_wind_force>("cold_wave", "red_wind_force", 0, kMaxBeaufort));
  f.push_back(
      whole<&T::cold_wave, &Cold::day_boundary_hour>("cold_wave", "day_boundary_hour", 0, 23));
  return f;
}

constexpr std::array<std::string_view, 4> kLeadWindows{"lead_red_h", "lead_orange_h",
                                                       "lead_yellow_h", "lead_blue_h"};
constexpr std::array<std::string_view, 3> kFogVisibility{"red_visibility_m", "orange_visibility_m",
                                                         "yellow_visibility_m"};
constexpr std::array<std::string_view, 2> kFogLimit{"yellow_visibility_m", "visibility_max_m"};
constexpr std::array<std::string_view, 4> kSnowAmounts{"blue_mm", "yellow_mm", "orange_mm",
                                                       "red_mm"};
constexpr std::array<std::string_view, 4> kGaleMean{"blue_mean_force", "yellow_mean_force",
                                                    "orange_mean_force", "red_mean_force"};
constexpr std::array<std::string_view, 4> kGaleGust{"blue_gust_force", "yellow_gust_force",
                                                    "orange_gust_force", "red_gust_force"};
constexpr std::array<std::string_view, 4> kColdDrops{"blue_drop_c", "yellow_drop_c",
                                                     "orange_drop_c", "red_drop_c"};
constexpr std::array<std::string_view, 4> kColdTmin{"red_tmin_c", "orange_tmin_c", "yellow_tmin_c",
                                                    "blue_tmin_c"};
constexpr std::array<std::string_view, 4> kColdWind{"blue_wind_force", "yellow_wind_force",
                                                    "orange_wind_force", "red_wind_force"};

constexpr std::array<ThresholdOrder, 11> kOrders{{
    {"fog", kFogVisibility, true, false},
    {"fog", kFogLimit, false, false},
    {"fog", kLeadWindows, false, true},
    {"snowstorm", kSnowAmounts, false, false},
    {"road_icing", kLeadWindows, false, true},
    {"gale", kGaleMean, true, false},
    {"gale", kGaleGust, true, false},
    {"gale", kLeadWindows, false, true},
    {"cold_wave", kColdDrops, true, false},
    {"cold_wave", kColdTmin, false, false},
    {"cold_wave", kColdWind, false, false},
}};

}  // namespace

std::span<const ThresholdField> threshold_fields() {
  static const std::vector<ThresholdField> fields = make_fields();
  return fields;
}

std::span<const ThresholdOrder> threshold_orders() {
  return kOrders;
}

const ThresholdField* find_threshold_field(std::string_view hazard, std::string_view key) {
  for (const ThresholdField& field : threshold_fields()) {
    if (field.hazard == hazard && field.key == key)
      return &field;
  }
  return nullptr;
}

}  // namespace riskwarn::config
