#include "tests/integration/daemon_harness.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <nlohmann/json.hpp>

namespace riskwarn::test {

std::string fog_forecast_aligned_to_now(int index) {
  auto doc = nlohmann::json::parse(read_file(fixture("weather/openmeteo_fog_ok.json")));
  const std::chrono::seconds offset{doc.at("utc_offset_seconds").get<int>()};
  const auto now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  const TimePoint first = floor_hour(now) - std::chrono::hours{index};
  auto& times = doc.at("hourly").at("time");
  for (std::size_t i = 0; i < times.size(); ++i) {
    // format_local_minutes gives "YYYY-MM-DDTHH:MM+08:00"; Open-Meteo sends no offset.
    times[i] = format_local_minutes(first + std::chrono::hours{i}, offset).substr(0, 16);
  }
  return doc.dump();
}

std::vector<std::string> query_column(const std::filesystem::path& db, const std::string& sql) {
  std::vector<std::string> rows;
  sqlite3* handle = nullptr;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << db << ": " << sqlite3_errmsg(handle);
    sqlite3_close(handle);
    return rows;
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "bad query " << sql << ": " << sqlite3_errmsg(handle);
  } else {
    while (sqlite3_step(statement) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(statement, 0);
      rows.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(handle);
  return rows;
}

}  // namespace riskwarn::test
