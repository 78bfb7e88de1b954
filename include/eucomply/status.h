// Status and Result<T>: how every core function reports failure.
//
// Codes are domain codes, never HTTP numbers; the server maps them in one place
// (src/server/http_status.cc). A Status may carry several messages (for example every
// problem a knowledge-base check found), each already formatted with its place.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace eucomply {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is wrong (bad product, bad query)
  kNotFound,         // a named thing does not exist
  kCorruption,       // a data file is malformed
  kUnavailable,      // a resource (file, network, database) cannot be reached
  kAlreadyExists,
  kInternal,         // a broken invariant: a bug
};

const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code) {
    messages_.push_back(std::move(message));
  }
  Status(StatusCode code, std::vector<std::string> messages)
      : code_(code), messages_(std::move(messages)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return Status(StatusCode::kInvalidArgument, std::move(m));
  }
  static Status NotFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
  static Status Corruption(std::string m) {
    return Status(StatusCode::kCorruption, std::move(m));
  }
  static Status Unavailable(std::string m) {
    return Status(StatusCode::kUnavailable, std::move(m));
  }
  static Status Internal(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // The first message, or "" for OK.
  const std::string& message() const;
  const std::vector<std::string>& messages() const { return messages_; }
  // All messages, one per line.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::vector<std::string> messages_;
};

// Either a value or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace eucomply
