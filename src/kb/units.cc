#include "eucomply/units.h"

#include <charconv>
#include <cstdlib>
#include <string>

#include "eucomply/text.h"
#include "kb/internal/enum_names.h"

namespace eucomply {
namespace {

struct UnitRow {
  const char* symbol;
  Dimension dimension;
  double factor;
};

constexpr double kDaysPerYear = 365.25;

constexpr UnitRow kUnits[] = {
    {"V", Dimension::kVoltage, 1},          {"mV", Dimension::kVoltage, 1e-3},
    {"kV", Dimension::kVoltage, 1e3},       {"A", Dimension::kCurrent, 1},
    {"mA", Dimension::kCurrent, 1e-3},      {"W", Dimension::kPower, 1},
    {"mW", Dimension::kPower, 1e-3},        {"kW", Dimension::kPower, 1e3},
    {"Wh", Dimension::kEnergy, 1},          {"mWh", Dimension::kEnergy, 1e-3},
    {"kWh", Dimension::kEnergy, 1e3},       {"Ah", Dimension::kCharge, 1},
    {"mAh", Dimension::kCharge, 1e-3},      {"kg", Dimension::kMass, 1},
    {"g", Dimension::kMass, 1e-3},          {"mg", Dimension::kMass, 1e-6},
    {"t", Dimension::kMass, 1e3},           {"years", Dimension::kTime, 1},
    {"year", Dimension::kTime, 1},          {"months", Dimension::kTime, 1.0 / 12},
    {"month", Dimension::kTime, 1.0 / 12},  {"weeks", Dimension::kTime, 7 / kDaysPerYear},
    {"days", Dimension::kTime, 1 / kDaysPerYear}, {"m", Dimension::kLength, 1},
    {"cm", Dimension::kLength, 1e-2},       {"mm", Dimension::kLength, 1e-3},
    {"km", Dimension::kLength, 1e3},        {"L", Dimension::kVolume, 1},
    {"mL", Dimension::kVolume, 1e-3},       {"bar", Dimension::kPressure, 1},
    {"kPa", Dimension::kPressure, 1e-2},    {"MPa", Dimension::kPressure, 10},
    {"Pa", Dimension::kPressure, 1e-5},     {"km/h", Dimension::kSpeed, 1},
    {"m/s", Dimension::kSpeed, 3.6},        {"Hz", Dimension::kFrequency, 1},
    {"kHz", Dimension::kFrequency, 1e3},    {"MHz", Dimension::kFrequency, 1e6},
    {"GHz", Dimension::kFrequency, 1e9},
};

// The unit that conditions and products compare values of each dimension in.
constexpr kb::EnumName<Dimension> kCanonicalUnits[] = {
    {Dimension::kNone, ""},        {Dimension::kVoltage, "V"},    {Dimension::kCurrent, "A"},
    {Dimension::kPower, "W"},      {Dimension::kEnergy, "Wh"},    {Dimension::kCharge, "Ah"},
    {Dimension::kMass, "kg"},      {Dimension::kTime, "years"},   {Dimension::kLength, "m"},
    {Dimension::kVolume, "L"},     {Dimension::kPressure, "bar"}, {Dimension::kSpeed, "km/h"},
    {Dimension::kFrequency, "Hz"},
};

}  // namespace

std::optional<UnitInfo> LookupUnit(std::string_view symbol) {
  for (const auto& row : kUnits) {
    if (symbol == row.symbol) return UnitInfo{row.dimension, row.factor};
  }
  // Common spellings of the same units.
  if (symbol == "v") return UnitInfo{Dimension::kVoltage, 1};
  if (symbol == "ml") return UnitInfo{Dimension::kVolume, 1e-3};
  if (symbol == "l") return UnitInfo{Dimension::kVolume, 1};
  if (symbol == "kmh" || symbol == "kph") return UnitInfo{Dimension::kSpeed, 1};
  return std::nullopt;
}

const char* DimensionName(Dimension d) { return kb::NameOf(kb::kDimensionNames, d, "?"); }

const char* CanonicalUnit(Dimension d) { return kb::NameOf(kCanonicalUnits, d, ""); }

std::optional<Quantity> ParseQuantity(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty()) return std::nullopt;
  size_t i = 0;
  if (s[i] == '-' || s[i] == '+') ++i;
  size_t digits = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) {
    if (s[i] != '.') ++digits;
    ++i;
  }
  if (digits == 0) return std::nullopt;
  // Scientific notation: 1e3.
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E') && i + 1 < s.size() &&
      ((s[i + 1] >= '0' && s[i + 1] <= '9') || s[i + 1] == '-' || s[i + 1] == '+')) {
    ++i;
    if (s[i] == '-' || s[i] == '+') ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  std::string number(s.substr(0, i));
  char* end = nullptr;
  double v = std::strtod(number.c_str(), &end);
  if (end != number.c_str() + number.size()) return std::nullopt;
  std::string_view unit = Trim(s.substr(i));
  for (char c : unit) {
    if (c == ' ' || c == '\t') return std::nullopt;
  }
  return Quantity{v, std::string(unit)};
}

}  // namespace eucomply
