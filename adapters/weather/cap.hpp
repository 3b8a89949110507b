#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/weather/geo.hpp"
#include "rules/assess/official_warning.hpp"
#include "rules/result.hpp"
#include "rules/time.hpp"

// CAP 1.2 (OASIS, urn:oasis:names:tc:emergency:cap:1.2) alert messages: what riskwarn reads
// of them, and how a chain of them becomes the official warnings in force for one county.
namespace riskwarn::weather {

inline constexpr std::string_view kCap12Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

// CAP's extended message identifier "sender,identifier,sent": the identity of a message.
struct CapKey {
  std::string sender;
  std::string identifier;
  TimePoint sent{};

  friend auto operator<=>(const CapKey&, const CapKey&) = default;
};

enum class CapStatus { actual, exercise, system, test, draft };
enum class CapMsgType { alert, update, cancel, ack, error };

// A valueName/value pair: <geocode>, <parameter>, <eventCode>.
struct CapValue {
  std::string name;
  std::string value;

  friend bool operator==(const CapValue&, const CapValue&) = default;
};

struct CapArea {
  std::string description;
  std::vector<GeoPolygon> polygons;
  std::vector<GeoCircle> circles;
  std::vector<CapValue> geocodes;  // e.g. {"GB/T 2260", "130123"}
};

struct CapInfo {
  std::string language = "en-US";  // CAP's default
  std::string event;
  std::string urgency;
  std::string severity;
  std::string certainty;
  std::vector<CapValue> event_codes;
  std::optional<TimePoint> effective;
  std::optional<TimePoint> onset;
  std::optional<TimePoint> expires;
  std::string sender_name;
  std::string headline;
  std::vector<CapValue> parameters;  // e.g. {"warning_color", "Yellow"}
  std::vector<CapArea> areas;
};

struct CapAlert {
  std::string identifier;
  std::string sender;
  TimePoint sent{};
  CapStatus status = CapStatus::actual;
  CapMsgType msg_type = CapMsgType::alert;
  std::string scope;
  std::vector<CapKey> references;  // the messages an Update or Cancel replaces or withdraws
  std::vector<CapInfo> infos;

  // This message's (sender, identifier, sent).
  CapKey key() const { return CapKey{sender, identifier, sent}; }
};

// Parses a CAP 1.2 document: one <alert>, or an Atom or RSS feed that embeds <alert> elements
// (all of them, in document order). Errors say where (line) and what: invalid XML, an HTML
// page, an empty body, a namespace other than CAP 1.2, a missing required element (identifier,
// sender, sent, status, msgType, scope; info's event, urgency, severity, certainty), a bad
// date-time, polygon, circle or reference, and an Alert or Update whose <info> has no <area>
// (it could not be matched to a county). A feed that only links to alerts is an index: read it
// with parse_cap_index.
Result<std::vector<CapAlert>> parse_cap(std::string_view xml);

// The official warnings in force at `now` for the county with this 6-digit code and point, from
// every message seen so far (any order, repeats allowed). Only status Actual counts; messages
// are deduplicated by (sender, identifier, sent); an Update or Cancel retires every message it
// references and a Cancel adds nothing; an info past its expires is dropped. An info applies
// when one of its areas has a geocode equal to the county code (or to its prefecture's or
// province's code, nnnn00 / nn0000) or a polygon or circle containing the point. Of infos in
// several languages the Chinese ones are used. Levels come from a colour parameter
// (warning_color, awareness_level, ...), else the severity, else the headline, else blue.
std::vector<OfficialWarning> cap_warnings_for(const std::vector<CapAlert>& chain,
                                              std::string_view county_code, double lat, double lon,
                                              TimePoint now);

}  // namespace riskwarn::weather
