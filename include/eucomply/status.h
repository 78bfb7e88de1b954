// Status and Result<T>: how every core function reports failure.
//
// Codes are domain codes, never HTTP numbers; the server maps them in one place
// (src/server/http_status.cc). A Status may carry several problems (for example every
// problem a knowledge-base check found), each a Problem: the place as data (file, line and
// column; JSON pointer; query parameter; table row and column) and the message, so that the
// server and the CLI read the place without parsing text.
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

// One problem and where it is. The places are independent: a YAML value has a line, a column
// and a pointer; a query parameter has neither. Zero and empty mean "not given".
struct Problem {
  enum class Severity { kError, kWarning };

  std::string source;                  // a file name, "request", "query"; may be empty
  int line = 0;                        // 1-based
  int column = 0;                      // 1-based
  std::optional<std::string> pointer;  // a JSON pointer; "" is the whole document
  std::string parameter;               // a query parameter
  int row = 0;                         // a table row, 1-based (the header is row 1)
  std::string field;                   // the column of that row, by its heading
  std::string message;
  Severity severity = Severity::kError;

  static Problem Plain(std::string message);
  static Problem At(std::string source, int line, int column, std::string message);
  static Problem AtPointer(std::string source, std::string pointer, std::string message);
  static Problem InQuery(std::string parameter, std::string message);
  static Problem InRow(std::string source, int row, std::string field, std::string message);

  // The message with its place in front, in the form of each kind of place:
  // "file:12:3: message" (with " (/pointer)" after the message when a pointer is known too),
  // "request: /a/b: message" (the whole document is "/"), "query: lang: message",
  // "catalogue.csv: row 812: column gtin: message", or "source: message", or the message.
  std::string ToString() const;
  // What ToString writes after the place: the message, and the pointer when a line is known.
  std::string Text() const;
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message);
  Status(StatusCode code, std::vector<std::string> messages);
  Status(StatusCode code, Problem problem);
  Status(StatusCode code, std::vector<Problem> problems);

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return Status(StatusCode::kInvalidArgument, std::move(m));
  }
  static Status InvalidArgument(Problem p) {
    return Status(StatusCode::kInvalidArgument, std::move(p));
  }
  static Status InvalidArgument(std::vector<Problem> p) {
    return Status(StatusCode::kInvalidArgument, std::move(p));
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
  // The first message (with its place), or "" for OK.
  const std::string& message() const;
  // Each problem as Problem::ToString writes it.
  const std::vector<std::string>& messages() const { return messages_; }
  const std::vector<Problem>& problems() const { return problems_; }
  // All messages, one per line.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::vector<Problem> problems_;
  std::vector<std::string> messages_;  // problems_[i].ToString(), kept for message()
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
