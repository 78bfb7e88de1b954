// Look-up by a member in a small vector: the first element whose member equals a value.
#pragma once

#include <vector>

namespace eucomply {

template <typename T, typename M, typename V>
const T* FindBy(const std::vector<T>& items, M T::*member, const V& value) {
  for (const T& x : items) {
    if (x.*member == value) return &x;
  }
  return nullptr;
}

}  // namespace eucomply
