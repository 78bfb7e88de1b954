// Exact probabilities for the risk module (internal): boost::multiprecision's rational, so that
// products of step probabilities land exactly on band boundaries such as 1/1 000.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <string>
#include <string_view>

#include "eucomply/risk.h"
#include "eucomply/status.h"

namespace eucomply::risk {

using Rational = boost::multiprecision::cpp_rational;

Rational ToRational(const Probability& p);
Probability FromRational(const Rational& r);
// "0.5", "5e-3", "1/100", "1 in 100", "50%", "50 %". Any non-negative value (the caller checks
// the range). Errors say what was expected.
Result<Rational> ParseRational(std::string_view text);
// "1000000" -> "1 000 000" (the grouping of the act's own tables).
std::string GroupDigits(std::string_view digits);

}  // namespace eucomply::risk
