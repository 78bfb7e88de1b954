// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace eucomply {

class Date {
 public:
  constexpr Date() = default;
  static Date FromDays(int days) {
    Date d;
    d.days_ = days;
    return d;
  }
  // Returns nullopt unless `ymd` is exactly YYYY-MM-DD and names a real day.
  static std::optional<Date> Parse(std::string_view ymd);
  static std::optional<Date> FromYmd(int y, int m, int d);
  // Today in UTC, from the system clock. Core code takes dates as arguments; only main()s
  // and defaults call this.
  static Date Today();

  int days() const { return days_; }
  int year() const;
  std::string ToString() const;  // YYYY-MM-DD

  auto operator<=>(const Date&) const = default;

 private:
  int days_ = 0;
};

}  // namespace eucomply
