#include "config/file_text.hpp"
#include "config/message_text.hpp"
#include "config/sections.hpp"
#include "config/text_checks.hpp"
#include "config/zone_offset.hpp"

namespace riskwarn::config {
namespace {

// Compiled time zone files start with this magic (RFC 8536).
constexpr std::string_view kTzifMagic = "TZif";

std::string defined_names(const std::map<std::string, FeedConfig>& feeds) {
  if (feeds.empty())
    return "no feeds are defined";
  std::vector<std::string> names;
  for (const auto& [name, feed] : feeds)
    names.push_back(name);
  return "defined feeds: " + join(names);
}

void read_timezone(TableReader& reader, County& county, const LoadContext& context) {
  const auto zone = reader.string("timezone");
  if (!zone)
    return;
  if (const auto problem = zone_name_problem(*zone)) {
    reader.report("timezone", *problem);
  } else if (!file_starts_with(std::filesystem::path(context.options.zoneinfo_directory) / *zone,
                               kTzifMagic)) {
    reader.report("timezone", "unknown time zone " + in_quotes(*zone));
  } else if (auto offset = fixed_utc_offset(*zone, context.options.zoneinfo_directory); !offset) {
    reader.report("timezone", offset.error().message);
  } else {
    county.timezone = *zone;
    county.utc_offset = *offset;
  }
}

void read_county_feeds(TableReader& reader, County& county, const CountyContext& references) {
  for (auto& feed : reader.nonempty_strings("feeds", Presence::required)) {
    if (!references.feeds.contains(feed.value)) {
      reader.reporter().error(
          feed.where, feed.path,
          "unknown feed " + in_quotes(feed.value) + "; " + defined_names(references.feeds));
      continue;
    }
    county.feeds.push_back(std::move(feed.value));
  }
}

// Codes seen so far and where each was written.
using CountyCodes = std::map<std::string, toml::source_region, std::less<>>;

void read_code(TableReader& reader, County& county, CountyCodes& seen) {
  const auto code = reader.string("code", Presence::required);
  if (!code)
    return;
  const toml::source_region& where = reader.table().get("code")->source();
  if (const auto problem = county_code_problem(*code)) {
    reader.report("code", *problem);
  } else if (const auto first = seen.find(*code); first != seen.end()) {
    reader.report("code", "duplicate county code " + in_quotes(*code) + " (first defined at line " +
                              std::to_string(first->second.begin.line) + ")");
  } else {
    seen.emplace(*code, where);
    county.code = *code;
  }
}

County read_county(const toml::table& table, const std::string& path,
                   const CountyContext& references, CountyCodes& seen_codes,
                   const LoadContext& context) {
  TableReader reader(table, path, context.reporter);
  County county;
  read_code(reader, county, seen_codes);
  if (auto name = reader.nonempty_string("name", Presence::required)) {
    county.name = std::move(*name);
  }
  if (const auto latitude = reader.number("latitude", -90, 90, Presence::required)) {
    county.latitude = *latitude;
  }
  if (const auto longitude = reader.number("longitude", -180, 180, Presence::required)) {
    county.longitude = *longitude;
  }
  read_timezone(reader, county, context);
  read_county_feeds(reader, county, references);
  county.thresholds = references.national;
  if (const toml::table* thresholds = reader.subtable("thresholds")) {
    read_thresholds(*thresholds, reader.path_of("thresholds"), county.thresholds, context.reporter);
  }
  if (const toml::table* departments = reader.subtable("departments")) {
    county.departments = read_departments(*departments, path, references, context.reporter);
  }
  reader.report_unknown_keys();
  return county;
}

}  // namespace

std::vector<County> read_counties(const toml::array& array, const CountyContext& references,
                                  const LoadContext& context) {
  std::vector<County> counties;
  CountyCodes seen_codes;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string path = index_path("counties", i);
    if (const toml::table* table = as_table_or_report(*array.get(i), path, context.reporter)) {
      counties.push_back(read_county(*table, path, references, seen_codes, context));
    }
  }
  return counties;
}

}  // namespace riskwarn::config
