// The streaming JSON writer against nlohmann::json::dump(): the same bytes for the same
// document, for every kind of string (controls, quotes, CJK, emoji, invalid UTF-8).
#include "common/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace eucomply {
namespace {

std::string Nlohmann(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Writer(const std::string& s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

TEST(JsonWriterTest, StringsAsNlohmannWritesThem) {
  std::vector<std::string> cases = {
      "", "plain", "quote \" and backslash \\", "tab\tnew\nline\rret\bbs\fff",
      std::string("nul\0byte", 8), "\x01\x1f\x7f", "低电压指令 LVD", "emoji \xF0\x9F\x94\x8C plug",
      "lone \x80 continuation", "truncated \xE4\xBD", "overlong \xC0\x80", "surrogate \xED\xA0\x80",
      "too high \xF4\x90\x80\x80", "\xF5\x80\x80\x80", "end \xC3", "\xFF\xFE", "mixed \xE4\xBD\xA0\xFF ok",
      "exactly8", "sixteen-bytes!!!", "sixteen-bytes!!\"", "0123456789abcdef\n"};
  for (const std::string& s : cases) EXPECT_EQ(Writer(s), Nlohmann(s)) << s;
  // Every byte value alone, and at every offset of a longer ASCII run (the 8-byte fast path).
  for (int b = 0; b < 256; ++b) {
    std::string one(1, static_cast<char>(b));
    EXPECT_EQ(Writer(one), Nlohmann(one)) << b;
    for (size_t at = 0; at < 17; ++at) {
      std::string s(17, 'x');
      s[at] = static_cast<char>(b);
      ASSERT_EQ(Writer(s), Nlohmann(s)) << b << " at " << at;
    }
  }
}

TEST(JsonWriterTest, RandomStringsAsNlohmannWritesThem) {
  std::mt19937 rng(20261124);
  const std::string pieces[] = {"a", "Z", " ", "\"", "\\", "\n", "\x01", "\x7f", "中", "\xF0\x9F\x98\x80",
                                "\x80", "\xC3", "\xE4\xBD", "\xED\xA0\x80", "\xC0\x80", "\xFF"};
  for (int n = 0; n < 5000; ++n) {
    std::string s;
    const int len = static_cast<int>(rng() % 40);
    for (int i = 0; i < len; ++i) s += pieces[rng() % std::size(pieces)];
    ASSERT_EQ(Writer(s), Nlohmann(s)) << "case " << n;
  }
}

TEST(JsonWriterTest, DocumentsAsNlohmannWritesThem) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a").BeginArray().Int(1).Int(-2).Bool(true).Null().String("x").EndArray();
  w.Key("b").BeginObject().EndObject();
  w.Key("c").BeginArray().EndArray();
  w.Member("d", 2.5).Member("e", 3.0).Member("f", false);
  w.Key("g").BeginArray().BeginObject().Member("k", "v").EndObject().BeginArray().EndArray().EndArray();
  w.Key("h").Raw(R"({"x":1})");
  w.Member("i", int64_t{9007199254740993});
  w.EndObject();
  nlohmann::json j = {{"a", {1, -2, true, nullptr, "x"}},
                      {"b", nlohmann::json::object()},
                      {"c", nlohmann::json::array()},
                      {"d", 2.5},
                      {"e", 3.0},
                      {"f", false},
                      {"g", {{{"k", "v"}}, nlohmann::json::array()}},
                      {"h", {{"x", 1}}},
                      {"i", int64_t{9007199254740993}}};
  EXPECT_EQ(out, j.dump());
}

}  // namespace
}  // namespace eucomply
