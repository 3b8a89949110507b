#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "daemon/store/records.hpp"
#include "daemon/store/sqlite.hpp"
#include "daemon/store/store.hpp"
#include "tests/support/temp_dir.hpp"

namespace riskwarn::store::test {

using namespace std::chrono_literals;

// hour_utc hours after 2025-12-30T00:00Z; at_hour(20) is 2025-12-31T04:00+08:00.
inline TimePoint at_hour(int hour_utc) {
  return std::chrono::sys_days{std::chrono::year{2025} / 12 / 30} + std::chrono::hours{hour_utc};
}

// A fog alert on road traffic in 金水区 (410105).
inline AlertWrite fog_alert(AlertWriteKind kind, Level level) {
  AlertWrite write;
  write.kind = kind;
  write.county = "410105";
  write.rule_id = "road_traffic.fog";
  write.instance = "fog";
  write.sector = "road_traffic";
  write.hazard = "fog";
  write.level = level;
  write.start = at_hour(20);
  write.end = at_hour(26);
  return write;
}

// A notification to the traffic police about cycle.alerts[alert_index].
inline NotificationWrite to_traffic_police(std::size_t alert_index, std::string channel) {
  NotificationWrite n;
  n.alert_index = alert_index;
  n.county = "410105";
  n.role = "traffic_police";
  n.department = "金水区交警大队";
  n.channel = std::move(channel);
  n.text = "【大雾橙色预警】请加强道路巡查";
  n.payload_json = R"({"alert":"road_traffic.fog"})";
  return n;
}

// Unwraps a store result, failing the test with the store's message when it is an error.
template <class T>
T value_of(Result<T> result) {
  if (!result.ok()) {
    ADD_FAILURE() << "store task failed: " << result.error().message;
    throw std::runtime_error(result.error().message);
  }
  return std::move(result).value();
}

// Runs one Database operation synchronously on the store's thread.
template <class F>
auto on_db(Store& store, F&& f) {
  using T = std::invoke_result_t<F, Database&>;
  return value_of(store.run_sync<T>(std::function<T(Database&)>(std::forward<F>(f))));
}

// A count from SQL run through a separate connection to the same file.
inline std::int64_t count_rows(const std::filesystem::path& db, const std::string& sql) {
  Connection connection(db);
  Statement statement(connection, sql);
  auto query = statement.query();
  EXPECT_TRUE(query.step());
  return query.int64(0);
}

}  // namespace riskwarn::store::test
