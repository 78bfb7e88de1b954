// The names of the knowledge base's enums, as written in its YAML files and in messages: one
// table per enum, read both ways, so that a name is spelt in one place only.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "eucomply/kb.h"
#include "eucomply/units.h"

namespace eucomply::kb {

template <typename E>
struct EnumName {
  E value;
  const char* name;
};

// The name of `value`, or `fallback` when the table lacks it.
template <typename E, size_t N>
constexpr const char* NameOf(const EnumName<E> (&table)[N], E value, const char* fallback) {
  for (const auto& row : table) {
    if (row.value == value) return row.name;
  }
  return fallback;
}

template <typename E, size_t N>
constexpr std::optional<E> EnumFromName(const EnumName<E> (&table)[N], std::string_view name) {
  for (const auto& row : table) {
    if (name == row.name) return row.value;
  }
  return std::nullopt;
}

inline constexpr EnumName<AttrType> kAttrTypeNames[] = {
    {AttrType::kBool, "bool"},
    {AttrType::kNumber, "number"},
    {AttrType::kEnum, "enum"},
    {AttrType::kSet, "set"},
};

inline constexpr EnumName<NotifiedBody> kNotifiedBodyNames[] = {
    {NotifiedBody::kUnspecified, "unspecified"}, {NotifiedBody::kRequired, "required"},
    {NotifiedBody::kOptional, "optional"},       {NotifiedBody::kNotRequired, "not_required"},
    {NotifiedBody::kDepends, "depends"},
};

// Also the `unit_dimension` of a unit mapping in the lexicon.
inline constexpr EnumName<Dimension> kDimensionNames[] = {
    {Dimension::kNone, "dimensionless"},  {Dimension::kVoltage, "voltage"},
    {Dimension::kCurrent, "current"},     {Dimension::kPower, "power"},
    {Dimension::kEnergy, "energy"},       {Dimension::kCharge, "charge"},
    {Dimension::kMass, "mass"},           {Dimension::kTime, "age/time"},
    {Dimension::kLength, "length"},       {Dimension::kVolume, "volume"},
    {Dimension::kPressure, "pressure"},   {Dimension::kSpeed, "speed"},
    {Dimension::kFrequency, "frequency"},
};

}  // namespace eucomply::kb
