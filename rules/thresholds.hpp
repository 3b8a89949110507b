#pragma once

namespace riskwarn {

// Lead windows in hours: the signal at t is the highest level whose criterion is met somewhere
// in [t, t + window of that level].
struct LeadWindows {
  int blue = 0;
  int yellow = 12;
  int orange = 6;
  int red = 2;
};

// 大雾: a fog hour has visibility below visibility_max_m, humid air or a fog code, no
// precipitation; levels by visibility.
struct FogThresholds {
  double visibility_max_m = 1000;     // fog exists below this
  double humidity_min_pct = 90;       // RH at or above, or weather code 45/48
  double precipitation_max_mm = 0.1;  // precipitating at or above this
  double yellow_visibility_m = 500;   // yellow below this
  double orange_visibility_m = 200;
  double red_visibility_m = 50;
  LeadWindows lead{0, 12, 6, 2};
};

// 暴雪: snow water (mm) over forward/backward windows.
struct SnowstormThresholds {
  double blue_mm = 4;     // over window_blue_h
  double yellow_mm = 6;   // over window_yellow_h
  double orange_mm = 10;  // over window_orange_h
  double red_mm = 15;     // over window_red_h
  int window_blue_h = 12;
  int window_yellow_h = 12;
  int window_orange_h = 6;
  int window_red_h = 6;
};

// 道路结冰: freezing precipitation codes and precipitation on a frozen surface.
struct RoadIcingThresholds {
  double surface_max_c = 0;  // surface at or below this is frozen
  double precipitation_min_mm = 0.1;
  int residual_hours = 24;  // residual ice lasts this long after the last icing hour
  int thaw_hours = 3;       // consecutive hours above surface_max_c that end residual ice
  LeadWindows lead{0, 12, 6, 2};
};

// 大风: Beaufort force of the mean wind or the gust.
struct GaleThresholds {
  int blue_mean_force = 6;
  int blue_gust_force = 7;
  int yellow_mean_force = 8;
  int yellow_gust_force = 9;
  int orange_mean_force = 10;
  int orange_gust_force = 11;
  int red_mean_force = 12;
  int red_gust_force = 13;
  LeadWindows lead{24, 12, 6, 6};
};

// 寒潮: fall of the daily minimum temperature, the minimum reached, and the wind.
struct ColdWaveThresholds {
  double blue_drop_c = 8;     // max(d24, d48)
  double yellow_drop_c = 10;  // d24
  double orange_drop_c = 12;
  double red_drop_c = 16;
  double blue_tmin_c = 4;  // daily minimum at or below
  double yellow_tmin_c = 4;
  double orange_tmin_c = 0;
  double red_tmin_c = 0;
  int blue_wind_force = 5;
  int yellow_wind_force = 6;
  int orange_wind_force = 6;
  int red_wind_force = 6;
  int day_boundary_hour = 0;  // local hour a day starts; CMA station statistics use 20
};

// Every hazard's thresholds; the national defaults are the CMA criteria, overridable per county.
struct Thresholds {
  FogThresholds fog;
  SnowstormThresholds snowstorm;
  RoadIcingThresholds road_icing;
  GaleThresholds gale;
  ColdWaveThresholds cold_wave;
};

}  // namespace riskwarn
