#include "adapters/http/curl_error.hpp"

#include <string>

namespace riskwarn::http {
namespace {

class CurlEasyCategory final : public std::error_category {
 public:
  const char* name() const noexcept override { return "curl"; }
  std::string message(int value) const override {
    return curl_easy_strerror(static_cast<CURLcode>(value));
  }
};

class CurlMultiCategory final : public std::error_category {
 public:
  const char* name() const noexcept override { return "curl-multi"; }
  std::string message(int value) const override {
    return curl_multi_strerror(static_cast<CURLMcode>(value));
  }
};

}  // namespace

const std::error_category& curl_easy_category() noexcept {
  static const CurlEasyCategory category;
  return category;
}

const std::error_category& curl_multi_category() noexcept {
  static const CurlMultiCategory category;
  return category;
}

std::error_code make_error_code(CURLcode code) noexcept {
  if (code == CURLE_OK) {
    return {};
  }
  return {static_cast<int>(code), curl_easy_category()};
}

std::error_code make_error_code(CURLMcode code) noexcept {
  if (code == CURLM_OK) {
    return {};
  }
  return {static_cast<int>(code), curl_multi_category()};
}

}  // namespace riskwarn::http
