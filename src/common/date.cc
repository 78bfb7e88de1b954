#include "eucomply/date.h"

#include <chrono>
#include <cstdio>

namespace eucomply {

std::optional<Date> Date::FromYmd(int y, int m, int d) {
  namespace c = std::chrono;
  c::year_month_day ymd{c::year{y}, c::month{static_cast<unsigned>(m)},
                        c::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return FromDays(static_cast<int>(c::sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::Parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lens[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < lens[i]; ++j) {
      char c = s[starts[i] + j];
      if (c < '0' || c > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  return FromYmd(parts[0], parts[1], parts[2]);
}

Date Date::Today() {
  namespace c = std::chrono;
  auto now = c::floor<c::days>(c::system_clock::now());
  return FromDays(static_cast<int>(now.time_since_epoch().count()));
}

int Date::year() const {
  namespace c = std::chrono;
  c::year_month_day ymd{c::sys_days{c::days{days_}}};
  return static_cast<int>(ymd.year());
}

std::string Date::ToString() const {
  namespace c = std::chrono;
  c::year_month_day ymd{c::sys_days{c::days{days_}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace eucomply
