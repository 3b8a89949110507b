#include "adapters/notify/console.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <optional>

#include "tests/support/temp_dir.hpp"

namespace riskwarn::notify {
namespace {

OutgoingMessage fog_message(std::string id) {
  OutgoingMessage message;
  message.idempotency_id = std::move(id);
  message.county_code = "410102";
  message.county_name = "中原区";
  message.role = "traffic_police";
  message.department = "中原区公安局交警大队";
  message.text = "大雾橙色预警：31日04时至09时有大雾，请加强道路巡查。";
  return message;
}

config::ChannelConfig console_to(std::string path) {
  config::ChannelConfig config;
  config.name = "duty_log";
  config.kind = config::ChannelKind::console;
  config.path = std::move(path);
  return config;
}

// Sends one message and runs the io_context until it completes.
DeliveryResult send_and_wait(ConsoleChannel& channel, boost::asio::io_context& io,
                             const OutgoingMessage& message) {
  std::optional<DeliveryResult> result;
  int calls = 0;
  channel.send(message, [&](DeliveryResult r) {
    ++calls;
    result = std::move(r);
  });
  EXPECT_FALSE(result.has_value()) << "completed inside send()";
  io.restart();
  io.run();
  EXPECT_EQ(calls, 1);
  return result.value_or(DeliveryResult{});
}

TEST(ConsoleChannel, AppendsABlockPerMessageToTheFile) {
  test::TempDir dir;
  const auto path = dir.path() / "duty.log";
  boost::asio::io_context io;
  ConsoleChannel channel(io, console_to(path.string()));

  const auto first = send_and_wait(channel, io, fog_message("ntf_1"));
  const auto second = send_and_wait(channel, io, fog_message("ntf_2"));

  EXPECT_EQ(first.outcome, Outcome::delivered);
  EXPECT_EQ(second.outcome, Outcome::delivered);
  const std::string written = test::read_file(path);
  const std::string block = format_console_block(fog_message("ntf_1"));
  EXPECT_EQ(written.rfind(block, 0), 0u) << written;
  EXPECT_EQ(written, block + format_console_block(fog_message("ntf_2")));
}

TEST(ConsoleChannel, BlockNamesCountyDepartmentAndText) {
  const std::string block = format_console_block(fog_message("ntf_1"));
  EXPECT_NE(block.find("中原区 (410102)"), std::string::npos) << block;
  EXPECT_NE(block.find("中原区公安局交警大队 (traffic_police)"), std::string::npos) << block;
  EXPECT_NE(block.find("ntf_1"), std::string::npos) << block;
  EXPECT_NE(block.find(fog_message("ntf_1").text + "\n"), std::string::npos) << block;
  EXPECT_TRUE(block.ends_with("\n\n"));
}

TEST(ConsoleChannel, KeepsWhatTheFileAlreadyHad) {
  test::TempDir dir;
  const auto path = dir.write("duty.log", "earlier entry\n");
  boost::asio::io_context io;
  ConsoleChannel channel(io, console_to(path.string()));

  EXPECT_EQ(send_and_wait(channel, io, fog_message("ntf_1")).outcome, Outcome::delivered);
  EXPECT_EQ(test::read_file(path), "earlier entry\n" + format_console_block(fog_message("ntf_1")));
}

TEST(ConsoleChannel, IsPermanentWithTheOsErrorWhenTheFileCannotBeWritten) {
  test::TempDir dir;
  const auto path = dir.path() / "missing-dir" / "duty.log";
  boost::asio::io_context io;
  ConsoleChannel channel(io, console_to(path.string()));

  const auto result = send_and_wait(channel, io, fog_message("ntf_1"));
  EXPECT_EQ(result.outcome, Outcome::permanent);
  EXPECT_NE(result.detail.find(path.string()), std::string::npos) << result.detail;
  EXPECT_NE(result.detail.find("No such file or directory"), std::string::npos) << result.detail;
  EXPECT_FALSE(result.retry_after.has_value());
}

TEST(ConsoleChannel, IsPermanentWhenThePathIsADirectory) {
  test::TempDir dir;
  boost::asio::io_context io;
  ConsoleChannel channel(io, console_to(dir.path().string()));

  const auto result = send_and_wait(channel, io, fog_message("ntf_1"));
  EXPECT_EQ(result.outcome, Outcome::permanent);
  EXPECT_NE(result.detail.find("Is a directory"), std::string::npos) << result.detail;
}

}  // namespace
}  // namespace riskwarn::notify
