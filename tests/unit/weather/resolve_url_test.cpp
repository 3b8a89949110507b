// Links in a CAP index resolved against the index's URL.
#include <gtest/gtest.h>

#include "adapters/weather/warning_fetch.hpp"

namespace riskwarn::weather {
namespace {

constexpr const char* kIndex = "https://cma.example/cap/zh/index.atom?lang=zh";

TEST(ResolveUrl, KeepsAnAbsoluteUrl) {
  EXPECT_EQ(resolve_url(kIndex, "https://other.example/a.xml"), "https://other.example/a.xml");
}

TEST(ResolveUrl, ResolvesAPathRelativeToTheIndexDirectory) {
  EXPECT_EQ(resolve_url(kIndex, "docs/a.xml"), "https://cma.example/cap/zh/docs/a.xml");
  EXPECT_EQ(resolve_url(kIndex, "a.xml?v=2"), "https://cma.example/cap/zh/a.xml?v=2");
}

TEST(ResolveUrl, ResolvesAnAbsolutePathOnTheIndexOrigin) {
  EXPECT_EQ(resolve_url(kIndex, "/alerts/a.xml"), "https://cma.example/alerts/a.xml");
  EXPECT_EQ(resolve_url("http://127.0.0.1:8080", "a.xml"), "http://127.0.0.1:8080/a.xml");
}

TEST(ResolveUrl, GivesASchemeRelativeUrlTheIndexScheme) {
  EXPECT_EQ(resolve_url(kIndex, "//mirror.example/a.xml"), "https://mirror.example/a.xml");
}

}  // namespace
}  // namespace riskwarn::weather
