// ASCII character classes that, unlike <cctype>, ignore the locale and take any char (UTF-8
// bytes included, which are never letters or digits here).
#pragma once

namespace eucomply {

constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
constexpr bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

}  // namespace eucomply
