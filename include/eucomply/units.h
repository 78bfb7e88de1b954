// Physical units of number attributes. A quantity in any unit of a dimension converts to the
// dimension's canonical unit; conditions and products compare canonical values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eucomply {

enum class Dimension {
  kNone,  // dimensionless
  kVoltage,
  kCurrent,
  kPower,
  kEnergy,
  kCharge,
  kMass,
  kTime,
  kLength,
  kVolume,
  kPressure,
  kSpeed,
  kFrequency,
};

struct UnitInfo {
  Dimension dimension;
  double to_canonical;  // multiply a value in this unit by this to get the canonical unit
};

// Looks up a unit symbol ("V", "mA", "years", "km/h"); nullopt for an unknown symbol.
std::optional<UnitInfo> LookupUnit(std::string_view symbol);
const char* DimensionName(Dimension d);
// The canonical unit's symbol ("" for dimensionless).
const char* CanonicalUnit(Dimension d);

struct Quantity {
  double value = 0;
  std::string unit;  // as written; empty when none was given
};

// Parses "230 V", "230V", "0.5", "-3 mA", "18 months". Returns nullopt if `text` is not a
// number optionally followed by a unit symbol (the symbol is not checked here).
std::optional<Quantity> ParseQuantity(std::string_view text);

}  // namespace eucomply
