// Names of the values of a small enum, as a table indexed by the value: one line per enum
// instead of a switch, and the order of the table is the order of the enum's declaration.
#pragma once

#include <cstddef>

namespace eucomply {

template <typename E, size_t N>
constexpr const char* EnumName(E value, const char* const (&names)[N]) {
  const auto i = static_cast<size_t>(value);
  return i < N ? names[i] : "?";
}

}  // namespace eucomply
