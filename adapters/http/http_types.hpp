#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace riskwarn::http {

// One HTTP header field.
struct Header {
  std::string name;
  std::string value;
};

// What to send. Names and values of headers must not contain CR or LF.
struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<Header> headers;
  std::string body;
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{30000};    // whole transfer incl. redirects; 0 = none
  std::size_t max_response_bytes = 8 * 1024 * 1024;  // decoded body size limit
  bool allow_file_url = false;   // permits file:// for this request (never for redirects)
  bool follow_redirects = true;  // false: a 3xx comes back as the response (signed webhooks)
  std::string ca_file;           // empty = system bundle
  std::string proxy;             // empty = none (proxy environment variables are ignored)
};

// What came back. status is 0 for file:// URLs.
struct HttpResponse {
  long status = 0;
  std::vector<Header> headers;  // of the final response, names lowercase, in arrival order
  std::string body;             // decoded (Content-Encoding removed)
  std::string effective_url;    // after redirects; may hold a query string, do not log it

  // The value of the first header with this lowercase name, if present.
  std::optional<std::string> header(std::string_view lowercase_name) const;
};

// The outcome of a transfer. An HTTP error status is not a transport error: error stays empty
// and the caller classifies response.status.
struct HttpResult {
  std::error_code error;
  std::string error_text;  // names method, redacted URL and what failed; never a query string
  HttpResponse response;
  int attempts = 1;  // how many times the request was sent (a RequestQueue retries)
};

}  // namespace riskwarn::http
