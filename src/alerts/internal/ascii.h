// Byte classes and small text helpers shared by the alert field parsers (barcodes, acts,
// standards). ASCII only on purpose: the fields mix languages, and a byte >= 0x80 must never
// count as a letter or digit of a code.
#pragma once

#include <string>
#include <string_view>

namespace eucomply::alerts::internal {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Replaces UTF-8 no-break spaces (C2 A0) by plain spaces; the files use both.
std::string PlainSpaces(std::string_view s);

}  // namespace eucomply::alerts::internal
