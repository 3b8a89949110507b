#include "adapters/weather/cap_index.hpp"

#include <algorithm>

#include "adapters/weather/response_text.hpp"
#include "adapters/weather/xml_document.hpp"

namespace riskwarn::weather {
namespace {

constexpr std::string_view kAtomNamespace = "http://www.w3.org/2005/Atom";
constexpr std::string_view kCapMediaType = "application/cap+xml";

Error failure(std::string what) {
  return Error{"cap index: " + std::move(what)};
}

bool is_cap_type(std::string_view type) {
  return text::find_ignoring_case(type, kCapMediaType) != std::string_view::npos;
}

// A type that may be a CAP document: none given, or an XML type.
bool may_be_xml(std::string_view type) {
  return type.empty() || text::find_ignoring_case(type, "xml") != std::string_view::npos;
}

// The CAP link of one Atom entry; empty when it has none.
std::string atom_entry_link(pugi::xml_node entry) {
  std::string alternate;
  for (pugi::xml_node link : entry.children()) {
    if (!xml::is(link, "link", kAtomNamespace))
      continue;
    const std::string_view href = text::trim(link.attribute("href").value());
    const std::string_view type = link.attribute("type").value();
    const std::string_view rel = link.attribute("rel").value();
    if (href.empty())
      continue;
    if (is_cap_type(type))
      return std::string{href};
    if (alternate.empty() && (rel.empty() || rel == "alternate") && may_be_xml(type))
      alternate = href;
  }
  return alternate;
}

// The CAP link of one RSS item; empty when it has none.
std::string rss_item_link(pugi::xml_node item) {
  for (pugi::xml_node enclosure : item.children("enclosure")) {
    const std::string_view url = text::trim(enclosure.attribute("url").value());
    if (!url.empty() && is_cap_type(enclosure.attribute("type").value()))
      return std::string{url};
  }
  return xml::text_of(item.child("link"));
}

void add_unique(std::vector<std::string>& urls, std::string url) {
  if (!url.empty() && std::find(urls.begin(), urls.end(), url) == urls.end())
    urls.push_back(std::move(url));
}

}  // namespace

Result<std::vector<std::string>> parse_cap_index(std::string_view xml) {
  Result<pugi::xml_document> document = xml::parse(xml, "cap index");
  if (!document)
    return document.error();
  const pugi::xml_node root = document->document_element();
  std::vector<std::string> urls;
  std::size_t entries = 0;
  if (xml::is(root, "feed", kAtomNamespace)) {
    for (pugi::xml_node entry : root.children()) {
      if (xml::is(entry, "entry", kAtomNamespace)) {
        ++entries;
        add_unique(urls, atom_entry_link(entry));
      }
    }
  } else if (xml::local_name(root) == "rss") {
    for (pugi::xml_node item : root.child("channel").children("item")) {
      ++entries;
      add_unique(urls, rss_item_link(item));
    }
  } else {
    return failure("the root element <" + text::excerpt(root.name()) +
                   "> is neither an Atom <feed> (" + std::string{kAtomNamespace} +
                   ") nor an RSS <rss>");
  }
  if (entries > 0 && urls.empty()) {
    return failure("none of the " + std::to_string(entries) +
                   " entries links to a CAP message (application/cap+xml or an alternate link)");
  }
  return urls;
}

bool is_cap_feed(std::string_view xml) {
  Result<pugi::xml_document> document = xml::parse(xml, "cap index");
  if (!document)
    return false;
  const pugi::xml_node root = document->document_element();
  return xml::is(root, "feed", kAtomNamespace) || xml::local_name(root) == "rss";
}

}  // namespace riskwarn::weather
