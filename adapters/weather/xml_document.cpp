#include "adapters/weather/xml_document.hpp"

#include <algorithm>

#include "adapters/weather/response_text.hpp"

namespace riskwarn::weather::xml {
namespace {

std::string_view prefix_of(pugi::xml_node node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
}

// Line and column (1-based, column in bytes) of a byte offset.
std::string position(std::string_view body, std::size_t offset) {
  offset = std::min(offset, body.size());
  const std::string_view before = body.substr(0, offset);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column =
      line_start == std::string_view::npos ? offset + 1 : offset - line_start;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Depth of the deepest element below root (root's children are at depth 1), counted without
// recursion.
std::size_t depth_of(pugi::xml_node root) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  pugi::xml_node node = root.first_child();
  while (node && node != root) {
    if (node.first_child()) {
      node = node.first_child();
      deepest = std::max(deepest, ++depth + 1);
      continue;
    }
    deepest = std::max(deepest, depth + 1);
    while (node != root && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (node != root)
      node = node.next_sibling();
  }
  return deepest;
}

// True for an XML declaration's encoding that pugixml reads correctly: none declared (UTF-8
// by default), UTF-8, ASCII, or UTF-16/32 (detected from the byte order mark).
bool is_unicode(std::string_view encoding) {
  return encoding.empty() || text::find_ignoring_case(encoding, "utf") == 0 ||
         text::equals_ignoring_case(encoding, "us-ascii") ||
         text::equals_ignoring_case(encoding, "ascii");
}

}  // namespace

Result<pugi::xml_document> parse(std::string_view body, std::string_view prefix) {
  const std::string what{prefix};
  if (text::trim(body).empty())
    return Error{what + ": response body is empty"};
  if (text::is_html_page(body)) {
    const auto title = text::html_title(body);
    return Error{what + ": response is an HTML page, not XML (a proxy or login page?)" +
                 (title ? " titled " + text::quoted(*title) : std::string{})};
  }
  pugi::xml_document document;
  const pugi::xml_parse_result result = document.load_buffer(
      body.data(), body.size(), pugi::parse_default | pugi::parse_declaration, pugi::encoding_auto);
  if (!result) {
    return Error{
        what + ": invalid XML at " +
        position(body, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset))) +
        ": " + result.description()};
  }
  if (!document.document_element())
    return Error{what + ": the XML document has no root element"};
  if (const std::string_view encoding = document.child("xml").attribute("encoding").value();
      !is_unicode(encoding)) {
    return Error{what + ": the document is encoded in " + text::quoted(encoding) +
                 "; only UTF-8 (or UTF-16/32) is supported"};
  }
  if (depth_of(document) > kMaxDepth) {
    return Error{what + ": the XML nests deeper than " + std::to_string(kMaxDepth) +
                 " levels, which no CAP message or feed does"};
  }
  return document;
}

std::string_view local_name(pugi::xml_node node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view namespace_of(pugi::xml_node node) {
  const std::string_view prefix = prefix_of(node);
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string{prefix};
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    if (const pugi::xml_attribute declaration = n.attribute(attribute.c_str()))
      return declaration.value();
  }
  return {};
}

bool is(pugi::xml_node node, std::string_view name, std::string_view ns) {
  return node.type() == pugi::node_element && local_name(node) == name && namespace_of(node) == ns;
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name, std::string_view ns) {
  for (pugi::xml_node node : parent.children()) {
    if (is(node, name, ns))
      return node;
  }
  return {};
}

std::string text_of(pugi::xml_node node) {
  return std::string{text::trim(node.child_value())};
}

std::size_t line_of(std::string_view body, pugi::xml_node node) {
  const std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0)
    return 0;
  const std::string_view before =
      body.substr(0, std::min(static_cast<std::size_t>(offset), body.size()));
  return 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
}

}  // namespace riskwarn::weather::xml
