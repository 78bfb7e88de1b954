#include <string>

#include "alerts/internal/ascii.h"
#include "alerts/normalise.h"
#include "eucomply/text.h"

namespace eucomply::alerts {

using internal::IsDigit;

std::optional<Date> ParseDmyDate(std::string_view text) {
  text = Trim(text);
  int parts[3] = {0, 0, 0};
  int lens[3] = {0, 0, 0};
  int idx = 0;
  char sep = 0;
  for (char c : text) {
    if (IsDigit(c)) {
      parts[idx] = parts[idx] * 10 + (c - '0');
      if (++lens[idx] > 4) return std::nullopt;
    } else if ((c == '/' || c == '.' || c == '-') && idx < 2 && (sep == 0 || sep == c)) {
      sep = c;
      ++idx;
    } else {
      return std::nullopt;
    }
  }
  if (idx != 2 || lens[0] < 1 || lens[0] > 2 || lens[1] < 1 || lens[1] > 2 || lens[2] != 4) {
    return std::nullopt;
  }
  return Date::FromYmd(parts[2], parts[1], parts[0]);
}

std::vector<Measure> ParseMeasures(std::string_view text, std::vector<std::string>* problems) {
  struct Label {
    std::string_view text;
    int kind;  // 0 taking, 1 ordered, 2 category, 3 date
  };
  static constexpr Label kLabels[] = {
      {"Type of economic operator taking notified measure(s):", 0},
      {"Type of economic operator to whom the measure(s) were ordered:", 1},
      {"Category of measure(s):", 2},
      {"Date of entry into force:", 3},
  };
  std::vector<Measure> out;
  size_t pos = 0;
  int kind = -1;
  size_t value_start = 0;
  auto flush = [&](size_t value_end) {
    if (kind < 0) return;
    std::string value(Trim(text.substr(value_start, value_end - value_start)));
    bool need_new = out.empty() || kind <= 1 || (kind == 2 && !out.back().category.empty()) ||
                    (kind == 3 && !out.back().date_text.empty());
    if (need_new) out.emplace_back();
    Measure& m = out.back();
    switch (kind) {
      case 0:
      case 1:
        m.ordered = kind == 1;
        m.operator_type = std::move(value);
        break;
      case 2:
        while (!value.empty() && value.back() == '.') value.pop_back();
        m.category = std::move(value);
        break;
      case 3:
        m.date = ParseDmyDate(value);
        if (!m.date && AsciiLower(value) != "unknown" && !value.empty() && problems) {
          problems->push_back("odd measure date '" + value + "' (kept as text)");
        }
        m.date_text = std::move(value);
        break;
      default:
        break;
    }
  };
  while (true) {
    size_t best = std::string_view::npos;
    const Label* found = nullptr;
    for (const Label& l : kLabels) {
      size_t p = text.find(l.text, pos);
      if (p < best) {
        best = p;
        found = &l;
      }
    }
    if (found == nullptr) {
      flush(text.size());
      break;
    }
    flush(best);
    kind = found->kind;
    value_start = best + found->text.size();
    pos = value_start;
  }
  if (out.empty() && !Trim(text).empty()) {
    // Free text with no labels: keep it as the category so nothing is lost.
    Measure m;
    m.category = std::string(Trim(text));
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace eucomply::alerts
