#pragma once

#include <system_error>

#include <curl/curl.h>

namespace riskwarn::http {

// The category of libcurl easy-interface codes (CURLcode); messages from curl_easy_strerror.
const std::error_category& curl_easy_category() noexcept;

// The category of libcurl multi-interface codes (CURLMcode); messages from curl_multi_strerror.
const std::error_category& curl_multi_category() noexcept;

// A CURLcode as an error_code; CURLE_OK becomes the empty error_code.
std::error_code make_error_code(CURLcode code) noexcept;

// A CURLMcode as an error_code; CURLM_OK becomes the empty error_code.
std::error_code make_error_code(CURLMcode code) noexcept;

}  // namespace riskwarn::http
