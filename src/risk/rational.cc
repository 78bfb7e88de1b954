#include "risk/rational.h"

#include <fmt/format.h>

#include <cctype>

#include "eucomply/text.h"

namespace eucomply::risk {

namespace mp = boost::multiprecision;

Rational ToRational(const Probability& p) {
  return Rational(mp::cpp_int(p.num), mp::cpp_int(p.den));
}

Probability FromRational(const Rational& r) {
  Probability p;
  p.num = numerator(r).str();
  p.den = denominator(r).str();
  p.value = r.convert_to<double>();
  return p;
}

namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A plain decimal: digits, an optional fraction, an optional exponent ("2.5e-4").
std::optional<Rational> ParseDecimal(std::string_view s) {
  std::string_view mant = s, exp;
  if (size_t e = s.find_first_of("eE"); e != std::string_view::npos) {
    mant = s.substr(0, e);
    exp = s.substr(e + 1);
  }
  std::string_view ip = mant, fp;
  if (size_t d = mant.find('.'); d != std::string_view::npos) {
    ip = mant.substr(0, d);
    fp = mant.substr(d + 1);
  }
  if ((ip.empty() && fp.empty()) || (!ip.empty() && !AllDigits(ip)) ||
      (!fp.empty() && !AllDigits(fp)) || ip.size() + fp.size() > 30) {
    return std::nullopt;
  }
  long e10 = 0;
  if (!exp.empty() || s.find_first_of("eE") != std::string_view::npos) {
    bool neg = false;
    if (!exp.empty() && (exp[0] == '-' || exp[0] == '+')) {
      neg = exp[0] == '-';
      exp.remove_prefix(1);
    }
    if (!AllDigits(exp) || exp.size() > 2) return std::nullopt;
    e10 = std::stol(std::string(exp));
    if (neg) e10 = -e10;
  }
  // Leading zeros stripped: cpp_int reads a string that starts with 0 as octal.
  std::string digits = std::string(ip) + std::string(fp);
  const size_t nz = digits.find_first_not_of('0');
  digits = nz == std::string::npos ? "0" : digits.substr(nz);
  mp::cpp_int n(digits);
  e10 -= static_cast<long>(fp.size());
  mp::cpp_int scale = mp::pow(mp::cpp_int(10), static_cast<unsigned>(e10 < 0 ? -e10 : e10));
  return e10 < 0 ? Rational(n, scale) : Rational(n * scale);
}

std::string Expected(std::string_view t) {
  return fmt::format(
      "'{}' is not a probability: write a decimal (0.01), a fraction (1/100), \"1 in 100\", a "
      "percentage (1%) or a band name (occasional)",
      std::string(t));
}

}  // namespace

Result<Rational> ParseRational(std::string_view text) {
  std::string_view t = Trim(text);
  if (t.size() > 64) return Status::InvalidArgument(Expected(t.substr(0, 64)));
  std::string s;
  for (char c : t) {
    if (c != ' ' && c != '\t' && c != '_' && c != ',') s += c;  // "1/1 000 000", "1,000"
  }
  std::string lower = AsciiLower(s);
  if (lower.ends_with("%")) {
    auto d = ParseDecimal(std::string_view(lower).substr(0, lower.size() - 1));
    if (!d) return Status::InvalidArgument(Expected(t));
    return Rational(*d / 100);
  }
  size_t slash = lower.find('/');
  size_t in = lower.find("in");
  if (slash != std::string::npos || in != std::string::npos) {
    const size_t at = slash != std::string::npos ? slash : in;
    const size_t len = slash != std::string::npos ? 1 : 2;
    auto a = ParseDecimal(std::string_view(lower).substr(0, at));
    auto b = ParseDecimal(std::string_view(lower).substr(at + len));
    if (!a || !b) return Status::InvalidArgument(Expected(t));
    if (*b == 0) return Status::InvalidArgument(fmt::format("'{}': division by zero", std::string(t)));
    return Rational(*a / *b);
  }
  auto d = ParseDecimal(lower);
  if (!d) return Status::InvalidArgument(Expected(t));
  return *d;
}

std::string GroupDigits(std::string_view digits) {
  if (digits.size() <= 3) return std::string(digits);
  std::string out;
  const size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out += digits.substr(0, first);
  for (size_t i = first; i < digits.size(); i += 3) {
    out += ' ';
    out += digits.substr(i, 3);
  }
  return out;
}

}  // namespace eucomply::risk
