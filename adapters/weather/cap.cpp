#include "adapters/weather/cap.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "adapters/weather/response_text.hpp"
#include "adapters/weather/xml_document.hpp"

namespace riskwarn::weather {
namespace {

constexpr std::string_view kAtomNamespace = "http://www.w3.org/2005/Atom";

// Reads one <alert> element; errors carry the line of the element at fault.
class AlertReader {
 public:
  explicit AlertReader(std::string_view body) : body_(body) {}

  Result<CapAlert> read(pugi::xml_node alert) {
    CapAlert out;
    if (auto e = required(alert, "identifier", out.identifier))
      return *e;
    if (auto e = required(alert, "sender", out.sender))
      return *e;
    if (auto e = required_time(alert, "sent", out.sent))
      return *e;
    if (auto e = status(alert, out.status))
      return *e;
    if (auto e = msg_type(alert, out.msg_type))
      return *e;
    if (auto e = required(alert, "scope", out.scope))
      return *e;
    if (auto e = references(alert, out.references))
      return *e;
    for (pugi::xml_node node : alert.children()) {
      if (!xml::is(node, "info", kCap12Namespace))
        continue;
      Result<CapInfo> info = read_info(node);
      if (!info)
        return info.error();
      out.infos.push_back(std::move(info).value());
    }
    if (out.msg_type == CapMsgType::alert || out.msg_type == CapMsgType::update) {
      if (auto e = require_areas(alert, out))
        return *e;
    }
    return out;
  }

 private:
  Error at(pugi::xml_node node, const std::string& what) const {
    return Error{"cap: line " + std::to_string(xml::line_of(body_, node)) + ": " + what};
  }

  // A required child's text; an error when it is absent or empty.
  std::optional<Error> required(pugi::xml_node parent, std::string_view name, std::string& out) {
    const pugi::xml_node node = xml::child(parent, name, kCap12Namespace);
    out = xml::text_of(node);
    if (out.empty()) {
      return at(node ? node : parent, "<" + std::string{local(parent)} + "> has no <" +
                                          std::string{name} + ">, which CAP 1.2 requires");
    }
    return std::nullopt;
  }

  static std::string_view local(pugi::xml_node node) { return xml::local_name(node); }

  std::optional<Error> parse_time(pugi::xml_node node, const std::string& text,
                                  TimePoint& out) const {
    const std::optional<TimePoint> t = parse_iso8601(text);
    if (!t) {
      return at(node, "<" + std::string{local(node)} + "> " + text::quoted(text) +
                          " is not a CAP date-time like 2026-02-14T06:30:00+08:00");
    }
    out = *t;
    return std::nullopt;
  }

  std::optional<Error> required_time(pugi::xml_node parent, std::string_view name, TimePoint& out) {
    std::string text;
    if (auto e = required(parent, name, text))
      return e;
    return parse_time(xml::child(parent, name, kCap12Namespace), text, out);
  }

  std::optional<Error> optional_time(pugi::xml_node parent, std::string_view name,
                                     std::optional<TimePoint>& out) {
    const pugi::xml_node node = xml::child(parent, name, kCap12Namespace);
    const std::string text = xml::text_of(node);
    if (text.empty())
      return std::nullopt;
    TimePoint t;
    if (auto e = parse_time(node, text, t))
      return e;
    out = t;
    return std::nullopt;
  }

  template <class Enum, std::size_t N>
  std::optional<Error> enumerated(pugi::xml_node alert, std::string_view name,
                                  const std::array<std::pair<std::string_view, Enum>, N>& values,
                                  Enum& out) {
    std::string text;
    if (auto e = required(alert, name, text))
      return e;
    std::string accepted;
    for (const auto& [word, value] : values) {
      if (text == word) {
        out = value;
        return std::nullopt;
      }
      accepted += (accepted.empty() ? "" : ", ") + std::string{word};
    }
    return at(xml::child(alert, name, kCap12Namespace),
              "<" + std::string{name} + "> " + text::quoted(text) + " is not one of " + accepted);
  }

  std::optional<Error> status(pugi::xml_node alert, CapStatus& out) {
    static constexpr std::array<std::pair<std::string_view, CapStatus>, 5> kValues{{
        {"Actual", CapStatus::actual},
        {"Exercise", CapStatus::exercise},
        {"System", CapStatus::system},
        {"Test", CapStatus::test},
        {"Draft", CapStatus::draft},
    }};
    return enumerated(alert, "status", kValues, out);
  }

  std::optional<Error> msg_type(pugi::xml_node alert, CapMsgType& out) {
    static constexpr std::array<std::pair<std::string_view, CapMsgType>, 5> kValues{{
        {"Alert", CapMsgType::alert},
        {"Update", CapMsgType::update},
        {"Cancel", CapMsgType::cancel},
        {"Ack", CapMsgType::ack},
        {"Error", CapMsgType::error},
    }};
    return enumerated(alert, "msgType", kValues, out);
  }

  // <references>: white-space separated "sender,identifier,sent" triples.
  std::optional<Error> references(pugi::xml_node alert, std::vector<CapKey>& out) {
    const pugi::xml_node node = xml::child(alert, "references", kCap12Namespace);
    const std::string text = xml::text_of(node);
    std::size_t pos = 0;
    while (pos < text.size()) {
      const std::size_t start = text.find_first_not_of(" \t\r\n", pos);
      if (start == std::string::npos)
        break;
      const std::size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
      const std::string triple = text.substr(start, end - start);
      pos = end;
      const std::size_t first = triple.find(',');
      const std::size_t second = first == std::string::npos ? first : triple.find(',', first + 1);
      const std::optional<TimePoint> sent =
          second == std::string::npos ? std::nullopt : parse_iso8601(triple.substr(second + 1));
      if (!sent || first == 0 || second == first + 1) {
        return at(node,
                  "<references> entry " + text::quoted(triple) + " is not sender,identifier,sent");
      }
      out.push_back(
          CapKey{triple.substr(0, first), triple.substr(first + 1, second - first - 1), *sent});
    }
    return std::nullopt;
  }

  std::vector<CapValue> pairs(pugi::xml_node parent, std::string_view name) {
    std::vector<CapValue> out;
    for (pugi::xml_node node : parent.children()) {
      if (xml::is(node, name, kCap12Namespace)) {
        out.push_back(CapValue{xml::text_of(xml::child(node, "valueName", kCap12Namespace)),
                               xml::text_of(xml::child(node, "value", kCap12Namespace))});
      }
    }
    return out;
  }

  Result<CapInfo> read_info(pugi::xml_node info) {
    CapInfo out;
    if (const std::string language = xml::text_of(xml::child(info, "language", kCap12Namespace));
        !language.empty()) {
      out.language = language;
    }
    for (auto [name, target] :
         {std::pair{"event", &out.event}, std::pair{"urgency", &out.urgency},
          std::pair{"severity", &out.severity}, std::pair{"certainty", &out.certainty}}) {
      if (auto e = required(info, name, *target))
        return *e;
    }
    for (auto [name, target] :
         {std::pair{"effective", &out.effective}, std::pair{"onset", &out.onset},
          std::pair{"expires", &out.expires}}) {
      if (auto e = optional_time(info, name, *target))
        return *e;
    }
    out.sender_name = xml::text_of(xml::child(info, "senderName", kCap12Namespace));
    out.headline = xml::text_of(xml::child(info, "headline", kCap12Namespace));
    out.event_codes = pairs(info, "eventCode");
    out.parameters = pairs(info, "parameter");
    for (pugi::xml_node node : info.children()) {
      if (!xml::is(node, "area", kCap12Namespace))
        continue;
      Result<CapArea> area = read_area(node);
      if (!area)
        return area.error();
      out.areas.push_back(std::move(area).value());
    }
    return out;
  }

  Result<CapArea> read_area(pugi::xml_node area) {
    CapArea out;
    if (auto e = required(area, "areaDesc", out.description))
      return *e;
    for (pugi::xml_node node : area.children()) {
      if (xml::is(node, "polygon", kCap12Namespace)) {
        Result<GeoPolygon> polygon = parse_cap_polygon(xml::text_of(node));
        if (!polygon)
          return at(node, polygon.error().message);
        out.polygons.push_back(std::move(polygon).value());
      } else if (xml::is(node, "circle", kCap12Namespace)) {
        Result<GeoCircle> circle = parse_cap_circle(xml::text_of(node));
        if (!circle)
          return at(node, circle.error().message);
        out.circles.push_back(*circle);
      }
    }
    out.geocodes = pairs(area, "geocode");
    return out;
  }

  // An Alert or Update must say where: every <info> needs an <area>.
  std::optional<Error> require_areas(pugi::xml_node alert, const CapAlert& out) {
    const std::string which = "message " + out.identifier;
    if (out.infos.empty())
      return at(alert, which + " has no <info>, so no <area> to match a county against");
    std::size_t index = 0;
    for (pugi::xml_node node : alert.children()) {
      if (!xml::is(node, "info", kCap12Namespace))
        continue;
      const CapInfo& info = out.infos[index++];
      if (info.areas.empty()) {
        return at(node, which + ": <info> " + std::to_string(index) + " (" + info.language +
                            ") has no <area>, so it cannot be matched to a county");
      }
    }
    return std::nullopt;
  }

  std::string_view body_;
};

// Every <alert> in the CAP 1.2 namespace below root, in document order (iteratively: a feed
// may nest deeper than the stack would allow recursion).
std::vector<pugi::xml_node> embedded_alerts(pugi::xml_node root) {
  std::vector<pugi::xml_node> out;
  pugi::xml_node node = root.first_child();
  while (node && node != root) {
    if (xml::is(node, "alert", kCap12Namespace)) {
      out.push_back(node);
    } else if (node.type() == pugi::node_element && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != root && !node.next_sibling())
      node = node.parent();
    if (node != root)
      node = node.next_sibling();
  }
  return out;
}

}  // namespace

Result<std::vector<CapAlert>> parse_cap(std::string_view xml) {
  Result<pugi::xml_document> document = xml::parse(xml, "cap");
  if (!document)
    return document.error();
  const pugi::xml_node root = document->document_element();
  const std::string_view name = xml::local_name(root);
  std::vector<pugi::xml_node> alerts;
  if (name == "alert") {
    const std::string_view ns = xml::namespace_of(root);
    if (ns != kCap12Namespace) {
      return Error{"cap: the <alert> is in namespace " + text::quoted(ns.empty() ? "(none)" : ns) +
                   "; only CAP 1.2 (" + std::string{kCap12Namespace} + ") is supported"};
    }
    alerts.push_back(root);
  } else if ((name == "feed" && xml::namespace_of(root) == kAtomNamespace) || name == "rss") {
    alerts = embedded_alerts(root);
    if (alerts.empty()) {
      return Error{"cap: this is an " + std::string{name == "rss" ? "RSS" : "Atom"} +
                   " feed with no embedded CAP 1.2 <alert>; read it as an index of links"};
    }
  } else {
    return Error{"cap: the root element <" + text::excerpt(root.name()) +
                 "> is not a CAP <alert> (nor an Atom or RSS feed)"};
  }
  AlertReader reader{xml};
  std::vector<CapAlert> out;
  for (pugi::xml_node alert : alerts) {
    Result<CapAlert> parsed = reader.read(alert);
    if (!parsed)
      return parsed.error();
    out.push_back(std::move(parsed).value());
  }
  return out;
}

}  // namespace riskwarn::weather
