#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/weather/cap_index.hpp"
#include "tests/unit/weather/official_fixtures.hpp"

namespace riskwarn::weather {
namespace {

std::string fixture(const std::string& name) {
  return test::read_official_fixture("cap", name);
}

std::vector<std::string> urls(const std::string& xml) {
  Result<std::vector<std::string>> got = parse_cap_index(xml);
  EXPECT_TRUE(got) << (got ? "" : got.error().message);
  return got ? std::move(got).value() : std::vector<std::string>{};
}

std::string error_for(const std::string& xml) {
  const Result<std::vector<std::string>> got = parse_cap_index(xml);
  EXPECT_FALSE(got) << "parsed unexpectedly";
  return got ? std::string{} : got.error().message;
}

TEST(CapIndex, AtomEntriesGiveTheirCapLinksInOrderWithoutRepeats) {
  EXPECT_EQ(urls(fixture("index.atom")),
            (std::vector<std::string>{"https://zhengding.example/cap/fog-alert.xml",
                                      "https://zhengding.example/cap/fog-update.xml",
                                      "https://zhengding.example/cap/fog-cancel.xml"}));
}

TEST(CapIndex, RssItemsGiveTheirCapEnclosureElseTheirLink) {
  EXPECT_EQ(urls(fixture("index.rss")),
            (std::vector<std::string>{"https://zhengding.example/cap/fog-alert.xml",
                                      "https://zhengding.example/cap/fog-update.xml"}));
}

TEST(CapIndex, AnEmptyFeedIsNoMessages) {
  EXPECT_TRUE(urls("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>").empty());
  EXPECT_TRUE(urls("<rss version=\"2.0\"><channel><title>t</title></channel></rss>").empty());
}

TEST(CapIndex, EntriesWithoutAnyCapLinkAreAnError) {
  EXPECT_EQ(error_for("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link rel=\"alternate\" "
                      "type=\"text/html\" href=\"https://x.example/a.html\"/></entry></feed>"),
            "cap index: none of the 1 entries links to a CAP message (application/cap+xml or an "
            "alternate link)");
}

TEST(CapIndex, OtherDocumentsAndBadXmlAreRefused) {
  EXPECT_EQ(error_for(fixture("fog-alert.xml")),
            "cap index: the root element <alert> is neither an Atom <feed> "
            "(http://www.w3.org/2005/Atom) nor an RSS <rss>");
  EXPECT_EQ(error_for("<feed><entry>"),
            "cap index: invalid XML at line 1, column 13: Start-end tags mismatch");
  EXPECT_EQ(error_for(""), "cap index: response body is empty");
}

TEST(CapIndex, FeedsAreToldFromSingleAlerts) {
  EXPECT_TRUE(is_cap_feed(fixture("index.atom")));
  EXPECT_TRUE(is_cap_feed(fixture("index.rss")));
  EXPECT_FALSE(is_cap_feed(fixture("fog-alert.xml")));
  EXPECT_FALSE(is_cap_feed("not xml"));
}

}  // namespace
}  // namespace riskwarn::weather
