#include <string>

#include <gtest/gtest.h>

#include "adapters/weather/cap.hpp"
#include "tests/unit/weather/official_fixtures.hpp"

namespace riskwarn::weather {
namespace {

using test::at;
using test::replaced;

std::string fixture(const std::string& name) {
  return test::read_official_fixture("cap", name);
}

CapAlert parsed_one(const std::string& xml) {
  Result<std::vector<CapAlert>> alerts = parse_cap(xml);
  EXPECT_TRUE(alerts) << (alerts ? "" : alerts.error().message);
  EXPECT_TRUE(!alerts || alerts->size() == 1u);
  return alerts && !alerts->empty() ? alerts->front() : CapAlert{};
}

std::string error_for(const std::string& xml) {
  const Result<std::vector<CapAlert>> alerts = parse_cap(xml);
  EXPECT_FALSE(alerts) << "parsed unexpectedly";
  return alerts ? std::string{} : alerts.error().message;
}

// The fixture without its <area> blocks.
std::string without_areas(std::string xml) {
  for (std::size_t start = xml.find("<area>"); start != std::string::npos;
       start = xml.find("<area>")) {
    xml.erase(start, xml.find("</area>", start) + 7 - start);
  }
  return xml;
}

TEST(CapParse, AlertFixtureGivesItsHeaderInfosParametersAndArea) {
  const CapAlert alert = parsed_one(fixture("fog-alert.xml"));
  EXPECT_EQ(alert.identifier, "13012341600000_20260214063000_0");
  EXPECT_EQ(alert.sender, "qxt@zhengding.example");
  EXPECT_EQ(alert.sent, at("2026-02-14T06:30:00+08:00"));
  EXPECT_EQ(alert.status, CapStatus::actual);
  EXPECT_EQ(alert.msg_type, CapMsgType::alert);
  EXPECT_EQ(alert.scope, "Public");
  EXPECT_TRUE(alert.references.empty());
  ASSERT_EQ(alert.infos.size(), 2u);

  const CapInfo& zh = alert.infos[0];
  EXPECT_EQ(zh.language, "zh-CN");
  EXPECT_EQ(zh.event, "大雾");
  EXPECT_EQ(zh.urgency, "Expected");
  EXPECT_EQ(zh.severity, "Moderate");
  EXPECT_EQ(zh.certainty, "Likely");
  EXPECT_EQ(zh.event_codes, (std::vector<CapValue>{{"CN_WARNING_CODE", "1202"}}));
  EXPECT_EQ(zh.effective, at("2026-02-14T06:30:00+08:00"));
  EXPECT_EQ(zh.onset, at("2026-02-14T07:00:00+08:00"));
  EXPECT_EQ(zh.expires, at("2026-02-14T12:00:00+08:00"));
  EXPECT_EQ(zh.headline, "正定县气象台发布大雾黄色预警信号");
  ASSERT_EQ(zh.parameters.size(), 3u);
  EXPECT_EQ(zh.parameters[0], (CapValue{"warning_color", "Yellow"}));
  ASSERT_EQ(zh.areas.size(), 1u);
  EXPECT_EQ(zh.areas[0].description, "河北省石家庄市正定县");
  ASSERT_EQ(zh.areas[0].polygons.size(), 1u);
  EXPECT_EQ(zh.areas[0].polygons[0].points.size(), 5u);
  EXPECT_EQ(zh.areas[0].geocodes, (std::vector<CapValue>{{"GB/T 2260", "130123"}}));
  EXPECT_EQ(alert.infos[1].language, "en-US");
}

TEST(CapParse, UpdateAndCancelCarryTheirReferences) {
  const CapAlert update = parsed_one(fixture("fog-update.xml"));
  EXPECT_EQ(update.msg_type, CapMsgType::update);
  ASSERT_EQ(update.references.size(), 1u);
  EXPECT_EQ(update.references[0],
            (CapKey{"qxt@zhengding.example", "13012341600000_20260214063000_0",
                    at("2026-02-14T06:30:00+08:00")}));
  ASSERT_EQ(update.infos[0].areas[0].circles.size(), 1u);
  EXPECT_EQ(update.infos[0].areas[0].circles[0], (GeoCircle{{38.15, 114.57}, 12}));

  const CapAlert cancel = parsed_one(fixture("fog-cancel.xml"));
  EXPECT_EQ(cancel.msg_type, CapMsgType::cancel);
  ASSERT_EQ(cancel.references.size(), 2u);
  EXPECT_EQ(cancel.references[1].identifier, "13012341600000_20260214081500_0");
}

TEST(CapParse, PrefixedCapNamespaceAndAlertsEmbeddedInAFeedAreRead) {
  const CapAlert prefixed = parsed_one(
      "<cap:alert xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\">"
      "<cap:identifier>C1</cap:identifier><cap:sender>s@x.example</cap:sender>"
      "<cap:sent>2026-02-14T11:30:00+08:00</cap:sent><cap:status>Actual</cap:status>"
      "<cap:msgType>Cancel</cap:msgType><cap:scope>Public</cap:scope>"
      "<cap:references>s@x.example,A1,2026-02-14T06:30:00+08:00</cap:references>"
      "<other:identifier xmlns:other=\"urn:example\">not CAP</other:identifier></cap:alert>");
  EXPECT_EQ(prefixed.identifier, "C1");
  EXPECT_EQ(prefixed.msg_type, CapMsgType::cancel);
  ASSERT_EQ(prefixed.references.size(), 1u);
  EXPECT_EQ(prefixed.references[0].identifier, "A1");

  std::string alert = fixture("fog-alert.xml");
  alert.erase(0, alert.find("<alert"));
  const std::string feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content>" + alert +
                           "</content></entry></feed>";
  const Result<std::vector<CapAlert>> alerts = parse_cap(feed);
  ASSERT_TRUE(alerts) << alerts.error().message;
  ASSERT_EQ(alerts->size(), 1u);
  EXPECT_EQ(alerts->front().msg_type, CapMsgType::alert);
}

TEST(CapParse, AlertOrUpdateWithoutAreaIsAnError) {
  EXPECT_EQ(error_for(without_areas(fixture("fog-alert.xml"))),
            "cap: line 21: message 13012341600000_20260214063000_0: <info> 1 (zh-CN) has no "
            "<area>, so it cannot be matched to a county");
  const std::string no_info =
      replaced(fixture("fog-update.xml"), "<incidents>FOG-130123-20260214</incidents>", "<!--");
  const std::string cut =
      no_info.substr(0, no_info.find("<!--", no_info.find("<references>"))) + "</alert>";
  EXPECT_NE(error_for(cut).find("has no <info>, so no <area>"), std::string::npos);
  EXPECT_TRUE(parse_cap(without_areas(fixture("fog-cancel.xml")))) << "a Cancel needs no area";
}

TEST(CapParse, InvalidXmlNamesLineAndColumn) {
  const std::string broken = replaced(fixture("fog-alert.xml"), "</sender>", "</sendr>");
  EXPECT_EQ(error_for(broken).rfind("cap: invalid XML at line 13, column ", 0), 0u)
      << error_for(broken);
}

TEST(CapParse, OtherNamespacesAndRootsAreRefused) {
  EXPECT_EQ(error_for(replaced(fixture("fog-alert.xml"), "cap:1.2", "cap:1.1")),
            "cap: the <alert> is in namespace \"urn:oasis:names:tc:emergency:cap:1.1\"; only CAP "
            "1.2 (urn:oasis:names:tc:emergency:cap:1.2) is supported");
  EXPECT_NE(error_for("<alert><identifier>x</identifier></alert>").find("namespace \"(none)\""),
            std::string::npos);
  EXPECT_EQ(error_for("<report/>"),
            "cap: the root element <report> is not a CAP <alert> (nor an Atom or RSS feed)");
  EXPECT_EQ(error_for(fixture("index.atom")),
            "cap: this is an Atom feed with no embedded CAP 1.2 <alert>; read it as an index of "
            "links");
}

TEST(CapParse, MissingOrMalformedRequiredElementsAreNamed) {
  const std::string alert = fixture("fog-alert.xml");
  EXPECT_EQ(
      error_for(replaced(alert, "<identifier>13012341600000_20260214063000_0</identifier>", "")),
      "cap: line 11: <alert> has no <identifier>, which CAP 1.2 requires");
  EXPECT_EQ(error_for(replaced(alert, "<sent>2026-02-14T06:30:00+08:00</sent>",
                               "<sent>14/02/2026</sent>")),
            "cap: line 14: <sent> \"14/02/2026\" is not a CAP date-time like "
            "2026-02-14T06:30:00+08:00");
  EXPECT_EQ(error_for(replaced(alert, "<msgType>Alert</msgType>", "<msgType>Warning</msgType>")),
            "cap: line 16: <msgType> \"Warning\" is not one of Alert, Update, Cancel, Ack, Error");
  EXPECT_NE(error_for(replaced(alert, "<event>大雾</event>", "")).find("<info> has no <event>"),
            std::string::npos);
  EXPECT_NE(
      error_for(replaced(alert, "38.07,114.45 38.30,114.45</polygon>", "38.07,114.45</polygon>"))
          .find("polygon is not closed"),
      std::string::npos);
  EXPECT_NE(error_for(replaced(fixture("fog-update.xml"), "2026-02-14T06:30:00+08:00</references>",
                               "yesterday</references>"))
                .find("<references> entry"),
            std::string::npos);
}

TEST(CapParse, EmptyBodyAndHtmlPagesGiveClearErrors) {
  EXPECT_EQ(error_for(""), "cap: response body is empty");
  EXPECT_EQ(error_for("<html><head><title>Access denied</title></head></html>"),
            "cap: response is an HTML page, not XML (a proxy or login page?) titled "
            "\"Access denied\"");
}

TEST(CapParse, EncodingsOtherThanUnicodeAreRefusedRatherThanMisread) {
  EXPECT_EQ(
      error_for(replaced(fixture("fog-alert.xml"), "encoding=\"UTF-8\"", "encoding=\"GB2312\"")),
      "cap: the document is encoded in \"GB2312\"; only UTF-8 (or UTF-16/32) is supported");
}

TEST(CapParse, DeepNestingIsRefusedBeforeItIsWalked) {
  std::string deep;
  for (int i = 0; i < 100; ++i)
    deep += "<a>";
  for (int i = 0; i < 100; ++i)
    deep += "</a>";
  EXPECT_EQ(error_for(deep),
            "cap: the XML nests deeper than 64 levels, which no CAP message or feed does");
}

}  // namespace
}  // namespace riskwarn::weather
