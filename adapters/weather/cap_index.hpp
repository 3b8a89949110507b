#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/result.hpp"

namespace riskwarn::weather {

// Reads an Atom (RFC 4287) or RSS 2.0 index of CAP messages into the URLs of the messages, in
// feed order without repeats. Atom: per entry, a <link> whose type is application/cap+xml (any
// rel, e.g. enclosure), else its rel="alternate" (or rel-less) link unless typed as something
// other than XML. RSS: per item, an <enclosure> of type application/cap+xml, else its <link>.
// URLs are returned as written; a relative one is resolved by the caller against the index URL.
// An empty feed is no messages. Errors: an empty body, an HTML page, invalid XML (with line and
// column), a root that is neither Atom nor RSS, entries none of which links to a message.
Result<std::vector<std::string>> parse_cap_index(std::string_view xml);

// True when the document's root is an Atom feed or RSS (an index, or a feed embedding alerts)
// rather than a single CAP alert; false also for anything that is not XML.
bool is_cap_feed(std::string_view xml);

}  // namespace riskwarn::weather
