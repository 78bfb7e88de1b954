#include <algorithm>
#include <string>

#include "alerts/internal/ascii.h"
#include "alerts/normalise.h"

namespace eucomply::alerts {

using internal::IsAlnum;
using internal::IsAlpha;
using internal::IsDigit;
using internal::PlainSpaces;

std::vector<std::string> FindStandards(std::string_view raw) {
  std::vector<std::string> out;
  std::string text = PlainSpaces(raw);
  static constexpr std::string_view kPrefixes[] = {"EN ISO", "EN IEC", "EN", "IEC", "ISO", "HD"};
  size_t i = 0;
  while (i < text.size()) {
    if (!(text[i] == 'E' || text[i] == 'I' || text[i] == 'H') || (i > 0 && IsAlnum(text[i - 1]))) {
      ++i;
      continue;
    }
    std::string_view rest = std::string_view(text).substr(i);
    std::string_view prefix;
    size_t p = 0;
    for (std::string_view candidate : kPrefixes) {
      if (rest.substr(0, candidate.size()) != candidate) continue;
      size_t q = candidate.size();
      while (q < rest.size() && rest[q] == ' ' && q < candidate.size() + 2) ++q;
      if (q < rest.size() && IsDigit(rest[q])) {
        prefix = candidate;
        p = q;
        break;
      }
    }
    if (prefix.empty()) {
      ++i;
      continue;
    }
    size_t start = p;
    while (p < rest.size() && IsDigit(rest[p])) ++p;
    size_t number_len = p - start;
    if (number_len < 2 || number_len > 6 || (p < rest.size() && IsAlpha(rest[p]))) {
      i += p;
      continue;
    }
    std::string id = std::string(prefix) + " " + std::string(rest.substr(start, p - start));
    // Parts: "-1", "-2-20". A dash followed by a year-like number after ':' is not a part.
    while (p + 1 < rest.size() && rest[p] == '-' && IsDigit(rest[p + 1])) {
      size_t q = p + 1;
      while (q < rest.size() && IsDigit(rest[q])) ++q;
      if (q - (p + 1) > 3) break;
      id += rest.substr(p, q - p);
      p = q;
    }
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
    i += p;
  }
  return out;
}

}  // namespace eucomply::alerts
