// Small text helpers shared by the parsers. All are pure and ASCII-aware only where named.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eucomply {

std::string_view Trim(std::string_view s);
// Lower-cases ASCII letters only; other bytes (UTF-8 included) are copied unchanged.
std::string AsciiLower(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
bool StartsWith(std::string_view s, std::string_view prefix);
// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool IsValidUtf8(std::string_view s);
// Returns the 1-based line and column of byte `offset` in `text`.
void LineColumn(std::string_view text, size_t offset, int* line, int* column);

}  // namespace eucomply
