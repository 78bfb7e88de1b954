// A streaming JSON writer for the large answers (an assessment is about 85 KB): it appends
// to a string with no document tree, about ten times faster than building an nlohmann::json
// and dumping it (bench/engine: BM_AssessToJson).
//
// The bytes are those nlohmann::json::dump() gives for the same document, provided the
// caller writes each object's keys in sorted (byte) order as nlohmann's std::map does: no
// spaces, the same escapes (\" \\ \b \f \n \r \t, \u00xx for other control characters,
// UTF-8 as it is), and invalid UTF-8 replaced as dump() does with error_handler_t::replace.
// tests/common/json_writer_test.cc holds it to that against nlohmann itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eucomply {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  // An object member's name; the value written next belongs to it.
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Bool(bool b);
  JsonWriter& Int(int64_t n);
  JsonWriter& Double(double d);  // formatted by nlohmann's own number serializer
  JsonWriter& Null();
  // A value already rendered as JSON (by this writer or nlohmann's dump()), copied as it is.
  JsonWriter& Raw(std::string_view json);

  // Key(k) then the value.
  JsonWriter& Member(std::string_view key, std::string_view s) { return Key(key).String(s); }
  JsonWriter& Member(std::string_view key, const char* s) { return Key(key).String(s); }
  JsonWriter& Member(std::string_view key, const std::string& s) { return Key(key).String(s); }
  JsonWriter& Member(std::string_view key, bool b) { return Key(key).Bool(b); }
  JsonWriter& Member(std::string_view key, int n) { return Key(key).Int(n); }
  JsonWriter& Member(std::string_view key, int64_t n) { return Key(key).Int(n); }
  JsonWriter& Member(std::string_view key, double d) { return Key(key).Double(d); }

 private:
  void BeforeValue();
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);

  std::string* out_;
  std::vector<bool> has_items_;  // per open container: whether a member or element was written
  bool after_key_ = false;
};

// Appends `s` as a JSON string literal (quotes included), as nlohmann's dump() would.
void AppendJsonString(std::string* out, std::string_view s);

}  // namespace eucomply
