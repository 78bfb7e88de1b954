#include "eucomply/status.h"

#include <fmt/format.h>

namespace eucomply {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kInvalidArgument: return "InvalidArgument";
    case StatusCode::kNotFound: return "NotFound";
    case StatusCode::kCorruption: return "Corruption";
    case StatusCode::kUnavailable: return "Unavailable";
    case StatusCode::kAlreadyExists: return "AlreadyExists";
    case StatusCode::kInternal: return "Internal";
  }
  return "Unknown";
}

Problem Problem::Plain(std::string message) {
  Problem p;
  p.message = std::move(message);
  return p;
}

Problem Problem::At(std::string source, int line, int column, std::string message) {
  Problem p;
  p.source = std::move(source);
  p.line = line;
  p.column = column;
  p.message = std::move(message);
  return p;
}

Problem Problem::AtPointer(std::string source, std::string pointer, std::string message) {
  Problem p;
  p.source = std::move(source);
  p.pointer = std::move(pointer);
  p.message = std::move(message);
  return p;
}

Problem Problem::InQuery(std::string parameter, std::string message) {
  Problem p;
  p.source = "query";
  p.parameter = std::move(parameter);
  p.message = std::move(message);
  return p;
}

Problem Problem::InRow(std::string source, int row, std::string field, std::string message) {
  Problem p;
  p.source = std::move(source);
  p.row = row;
  p.field = std::move(field);
  p.message = std::move(message);
  return p;
}

std::string Problem::Text() const {
  if (line > 0 && pointer) return fmt::format("{} ({})", message, pointer->empty() ? "/" : *pointer);
  return message;
}

std::string Problem::ToString() const {
  if (line > 0) return fmt::format("{}:{}:{}: {}", source, line, column, Text());
  if (pointer) return fmt::format("{}: {}: {}", source, pointer->empty() ? "/" : *pointer, message);
  if (!parameter.empty()) return fmt::format("{}: {}: {}", source, parameter, message);
  if (row > 0) {
    if (field.empty()) return fmt::format("{}: row {}: {}", source, row, message);
    return fmt::format("{}: row {}: column {}: {}", source, row, field, message);
  }
  if (!source.empty()) return fmt::format("{}: {}", source, message);
  return message;
}

Status::Status(StatusCode code, std::string message) : code_(code) {
  problems_.push_back(Problem::Plain(message));
  messages_.push_back(std::move(message));
}

Status::Status(StatusCode code, std::vector<std::string> messages)
    : code_(code), messages_(std::move(messages)) {
  problems_.reserve(messages_.size());
  for (const std::string& m : messages_) problems_.push_back(Problem::Plain(m));
}

Status::Status(StatusCode code, Problem problem) : code_(code) {
  messages_.push_back(problem.ToString());
  problems_.push_back(std::move(problem));
}

Status::Status(StatusCode code, std::vector<Problem> problems)
    : code_(code), problems_(std::move(problems)) {
  messages_.reserve(problems_.size());
  for (const Problem& p : problems_) messages_.push_back(p.ToString());
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return messages_.empty() ? kEmpty : messages_.front();
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out;
  for (const auto& m : messages_) {
    if (!out.empty()) out += '\n';
    out += m;
  }
  return out;
}

}  // namespace eucomply
