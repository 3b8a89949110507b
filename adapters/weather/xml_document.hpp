#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "rules/result.hpp"

// XML reading shared by the CAP and Atom/RSS parsers: parse errors with line and column, and
// namespace-aware element lookup on top of pugixml (which keeps prefixes but not namespaces).
namespace riskwarn::weather::xml {

// The deepest nesting parse accepts; CAP in an Atom feed needs fewer than ten levels.
inline constexpr std::size_t kMaxDepth = 64;

// Parses a document (no DTD processing, no entity expansion beyond the XML built-ins). An empty
// body, an HTML page, malformed XML ("... at line L, column C") or nesting deeper than kMaxDepth
// gives an Error starting with "<prefix>: ".
Result<pugi::xml_document> parse(std::string_view body, std::string_view prefix);

// The name of an element without its prefix: "alert" for <cap:alert>.
std::string_view local_name(pugi::xml_node node);

// The namespace URI of an element, from the xmlns declarations on it and its ancestors; empty
// when it has none.
std::string_view namespace_of(pugi::xml_node node);

// True when node is an element with this local name in this namespace.
bool is(pugi::xml_node node, std::string_view name, std::string_view ns);

// The first child element with this local name in this namespace; an empty node when none.
pugi::xml_node child(pugi::xml_node parent, std::string_view name, std::string_view ns);

// The element's text without surrounding white space.
std::string text_of(pugi::xml_node node);

// The 1-based line of a node of a document parsed from body.
std::size_t line_of(std::string_view body, pugi::xml_node node);

}  // namespace riskwarn::weather::xml
