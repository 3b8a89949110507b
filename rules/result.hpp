#pragma once

#include <string>
#include <utility>
#include <variant>

namespace riskwarn {

// A failure with a message that names what went wrong and where.
struct Error {
  std::string message;
};

// The outcome of a parser or domain function: a value or an Error. Never throws on access
// misuse in release code paths; callers check ok() first.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value)
      : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  // True when the result holds a value.
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // The value; only valid when ok().
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const T* operator->() const { return &std::get<0>(state_); }
  T* operator->() { return &std::get<0>(state_); }
  const T& operator*() const& { return std::get<0>(state_); }

  // The error; only valid when !ok().
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace riskwarn
