#include "adapters/http/transfer.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <string>
#include <string_view>

#include "adapters/http/curl_error.hpp"
#include "adapters/http/redact_url.hpp"
#include "riskwarn/version.hpp"

namespace riskwarn::http {
namespace {

constexpr long kMaxRedirects = 5;

// RFC 9110 token characters, used by methods and header names.
bool is_token(std::string_view text) {
  constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           kSymbols.find(c) != std::string_view::npos;
  });
}

bool is_header_value(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string lowercase(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

std::string user_agent() {
  return std::string("riskwarn/") + riskwarn::kVersion + " (+https://github.com/riskwarn)";
}

// Keeps the first failing setopt code.
class FirstFailure {
 public:
  void operator()(CURLcode code) {
    if (code_ == CURLE_OK) {
      code_ = code;
    }
  }
  CURLcode code() const { return code_; }

 private:
  CURLcode code_ = CURLE_OK;
};

}  // namespace

Transfer::Transfer(HttpRequest request, Completion on_done)
    : request_(std::move(request)), on_done_(std::move(on_done)) {}

Transfer::~Transfer() {
  if (easy_ != nullptr) {
    curl_easy_cleanup(easy_);
  }
  curl_slist_free_all(header_list_);
}

std::optional<HttpResult> Transfer::prepare() {
  easy_ = curl_easy_init();
  if (easy_ == nullptr) {
    return failure(make_error_code(CURLE_OUT_OF_MEMORY), "cannot create a curl handle");
  }
  FirstFailure set;
  set(curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_buffer_));
  set(curl_easy_setopt(easy_, CURLOPT_URL, request_.url.c_str()));
  set(curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L));
  set(curl_easy_setopt(easy_, CURLOPT_QUICK_EXIT, 1L));
  set(curl_easy_setopt(easy_, CURLOPT_PROTOCOLS_STR,
                       request_.allow_file_url ? "http,https,file" : "http,https"));
  set(curl_easy_setopt(easy_, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"));
  set(curl_easy_setopt(easy_, CURLOPT_FOLLOWLOCATION, request_.follow_redirects ? 1L : 0L));
  set(curl_easy_setopt(easy_, CURLOPT_MAXREDIRS, kMaxRedirects));
  set(curl_easy_setopt(easy_, CURLOPT_MAXFILESIZE_LARGE,
                       static_cast<curl_off_t>(std::min<std::size_t>(
                           request_.max_response_bytes, std::numeric_limits<curl_off_t>::max()))));
  set(curl_easy_setopt(easy_, CURLOPT_ACCEPT_ENCODING, ""));
  set(curl_easy_setopt(easy_, CURLOPT_USERAGENT, user_agent().c_str()));
  set(curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYPEER, 1L));
  set(curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYHOST, 2L));
  if (!request_.ca_file.empty()) {
    set(curl_easy_setopt(easy_, CURLOPT_CAINFO, request_.ca_file.c_str()));
  }
  // An empty string disables proxies, including those named by environment variables.
  set(curl_easy_setopt(easy_, CURLOPT_PROXY, request_.proxy.c_str()));
  set(curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS,
                       static_cast<long>(request_.connect_timeout.count())));
  set(curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS,
                       static_cast<long>(request_.total_timeout.count())));
  set(curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &Transfer::on_body));
  set(curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this));
  if (set.code() != CURLE_OK) {
    return failure(make_error_code(set.code()), "cannot set curl options");
  }
  if (auto failed = set_method_and_body()) {
    return failed;
  }
  return set_headers();
}

std::optional<HttpResult> Transfer::set_method_and_body() {
  if (!is_token(request_.method)) {
    return failure(std::make_error_code(std::errc::invalid_argument), "invalid method");
  }
  FirstFailure set;
  if (request_.method == "HEAD") {
    set(curl_easy_setopt(easy_, CURLOPT_NOBODY, 1L));
  } else if (request_.method == "POST" || !request_.body.empty()) {
    set(curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request_.body.size())));
    set(curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, request_.body.data()));
    if (request_.method != "POST") {
      set(curl_easy_setopt(easy_, CURLOPT_CUSTOMREQUEST, request_.method.c_str()));
    }
  } else if (request_.method == "GET") {
    set(curl_easy_setopt(easy_, CURLOPT_HTTPGET, 1L));
  } else {
    set(curl_easy_setopt(easy_, CURLOPT_CUSTOMREQUEST, request_.method.c_str()));
  }
  if (set.code() != CURLE_OK) {
    return failure(make_error_code(set.code()), "cannot set the method");
  }
  return std::nullopt;
}

std::optional<HttpResult> Transfer::set_headers() {
  bool has_expect = false;
  for (const auto& header : request_.headers) {
    if (!is_token(header.name) || !is_header_value(header.value)) {
      return failure(std::make_error_code(std::errc::invalid_argument),
                     "invalid header " + (is_token(header.name) ? header.name : "name"));
    }
    has_expect = has_expect || iequals(header.name, "expect");
    // "Name;" is curl's syntax for a header with an empty value.
    const std::string line =
        header.value.empty() ? header.name + ";" : header.name + ": " + header.value;
    header_list_ = curl_slist_append(header_list_, line.c_str());
  }
  if (!has_expect) {
    // Send bodies at once; many webhook receivers mishandle "Expect: 100-continue".
    header_list_ = curl_slist_append(header_list_, "Expect:");
  }
  if (header_list_ == nullptr) {
    return failure(make_error_code(CURLE_OUT_OF_MEMORY), "cannot build the header list");
  }
  const CURLcode code = curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, header_list_);
  if (code != CURLE_OK) {
    return failure(make_error_code(code), "cannot set headers");
  }
  return std::nullopt;
}

std::size_t Transfer::on_body(char* data, std::size_t size, std::size_t count, void* transfer) {
  auto* self = static_cast<Transfer*>(transfer);
  const std::size_t bytes = size * count;
  // A chunked or compressed response has no usable Content-Length, so cap it here too.
  if (self->response_.body.size() + bytes > self->request_.max_response_bytes) {
    self->body_too_large_ = true;
    return 0;  // curl aborts with CURLE_WRITE_ERROR
  }
  self->response_.body.append(data, bytes);
  return bytes;
}

void Transfer::collect_headers() {
  curl_header* header = nullptr;
  // Request -1 is the last one, i.e. the final response after any redirects.
  while ((header = curl_easy_nextheader(easy_, CURLH_HEADER, -1, header)) != nullptr) {
    response_.headers.push_back({lowercase(header->name), header->value});
  }
}

HttpResult Transfer::finish(CURLcode code) {
  if (body_too_large_ || code == CURLE_FILESIZE_EXCEEDED) {
    return failure(
        make_error_code(CURLE_FILESIZE_EXCEEDED),
        "response exceeds the limit of " + std::to_string(request_.max_response_bytes) + " bytes");
  }
  if (code != CURLE_OK) {
    // curl's own message is more specific than the code's; it names hosts but could echo a URL.
    std::string_view detail(error_buffer_);
    detail.remove_suffix(detail.size() - (detail.find_last_not_of(" \r\n") + 1));
    return failure(make_error_code(code), detail.empty() ? std::string(curl_easy_strerror(code))
                                                         : redact_urls_in_text(detail));
  }
  HttpResult result;
  curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &response_.status);
  const char* effective_url = nullptr;
  if (curl_easy_getinfo(easy_, CURLINFO_EFFECTIVE_URL, &effective_url) == CURLE_OK &&
      effective_url != nullptr) {
    response_.effective_url = effective_url;
  }
  collect_headers();
  result.response = std::move(response_);
  return result;
}

HttpResult Transfer::cancelled() const {
  return failure(std::make_error_code(std::errc::operation_canceled), "cancelled");
}

HttpResult Transfer::failure(std::error_code error, std::string_view what) const {
  HttpResult result;
  result.error = error;
  const std::string_view method =
      is_token(request_.method) ? std::string_view(request_.method) : std::string_view("request");
  result.error_text =
      std::string(method) + " " + redact_url(request_.url) + ": " + std::string(what);
  return result;
}

}  // namespace riskwarn::http
