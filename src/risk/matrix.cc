// The probability bands (Annex II 3.4.4), the risk grid (3.6.2) and exact probabilities.
#include <fmt/format.h>

#include <array>
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <string>

#include "eucomply/messages.h"
#include "eucomply/risk.h"
#include "eucomply/text.h"
#include "risk/rational.h"

namespace eucomply::risk {

namespace {

// Delegated Regulation (EU) 2024/3173, Annex II 3.6.2, rows "> 50 %" ... "< 1/1 000 000",
// columns severity 1..4. Written out as in the act, not computed.
constexpr Level S = Level::kSerious, H = Level::kHigh, M = Level::kMedium, L = Level::kLow;
constexpr std::array<std::array<Level, 4>, kBands> kGrid = {{
    {H, S, S, S},  // > 50 %
    {M, S, S, S},  // > 1/10
    {M, S, S, S},  // > 1/100
    {L, H, S, S},  // > 1/1 000
    {L, M, H, S},  // > 1/10 000
    {L, L, M, H},  // > 1/100 000
    {L, L, L, M},  // > 1/1 000 000
    {L, L, L, L},  // < 1/1 000 000
}};

// Lower bounds of bands 0..6 as 1/d.
constexpr std::array<long, kBands - 1> kBoundDen = {2, 10, 100, 1000, 10000, 100000, 1000000};

// Each band's range as the act writes it, and the catalogue id of its name.
struct BandText {
  const char* range;
  const char* name;
};
constexpr std::array<BandText, kBands> kBandText = {{
    {"> 50 %", "risk.band.very_frequent"},
    {"> 1/10", "risk.band.frequent"},
    {"> 1/100", "risk.band.common"},
    {"> 1/1 000", "risk.band.occasional"},
    {"> 1/10 000", "risk.band.unlikely"},
    {"> 1/100 000", "risk.band.unusual"},
    {"> 1/1 000 000", "risk.band.rare"},
    {"< 1/1 000 000", "risk.band.extremely_rare"},
}};

}  // namespace

int BandOf(const Probability& p) {
  const Rational r = ToRational(p);
  for (int b = 0; b < kBands - 1; ++b) {
    if (r >= Rational(1, kBoundDen[b])) return b;
  }
  return kBands - 1;
}

bool OnBoundary(const Probability& p) {
  const Rational r = ToRational(p);
  for (long d : kBoundDen) {
    if (r == Rational(1, d)) return true;
  }
  return false;
}

Level MatrixLevel(int band, int severity) {
  if (band < 0) band = 0;
  if (band >= kBands) band = kBands - 1;
  if (severity < 1) severity = 1;
  if (severity > 4) severity = 4;
  return kGrid[band][severity - 1];
}

const char* LevelId(Level l) {
  switch (l) {
    case Level::kSerious: return "serious";
    case Level::kHigh: return "high";
    case Level::kMedium: return "medium";
    case Level::kLow: return "low";
  }
  return "low";
}

std::string LevelName(Level l, Lang lang) {
  switch (l) {
    case Level::kSerious: return Msg("risk.level.serious", lang);
    case Level::kHigh: return Msg("risk.level.high", lang);
    case Level::kMedium: return Msg("risk.level.medium", lang);
    case Level::kLow: return Msg("risk.level.low", lang);
  }
  return "";
}

std::string BandName(int band, Lang lang) {
  return Msg(kBandText[std::clamp(band, 0, kBands - 1)].name, lang);
}

std::string BandRange(int band) { return kBandText[std::clamp(band, 0, kBands - 1)].range; }

std::string SeverityName(int severity, Lang lang) {
  static constexpr std::array<const char*, 4> kNames = {
      "risk.severity.minor", "risk.severity.moderate", "risk.severity.severe",
      "risk.severity.life_threatening"};
  if (severity < 1 || severity > 4) return "";
  return Msg(kNames[severity - 1], lang);
}

Result<Probability> ParseProbability(std::string_view text) {
  std::string_view t = Trim(text);
  if (t.empty()) return Status::InvalidArgument("a probability is required");
  // A band name stands for the geometric middle of its band: sqrt(upper x lower), rounded to
  // a "1/N" with N of two significant figures, so that it is well inside the band.
  static constexpr std::array<long, kBands> kMiddleDen = {1, 3, 32, 320, 3200, 32000, 320000,
                                                          3200000};
  std::string lower = AsciiLower(t);
  for (int b = 0; b < kBands; ++b) {
    if (lower == AsciiLower(Msg(kBandText[b].name, Lang::kEn)) ||
        t == Msg(kBandText[b].name, Lang::kZh)) {
      if (b == 0) return FromRational(Rational(7, 10));  // between 1/2 and 1
      return FromRational(Rational(1, kMiddleDen[b]));
    }
  }
  auto r = ParseRational(t);
  if (!r.ok()) return r.status();
  if (*r <= 0 || *r > 1) {
    return Status::InvalidArgument(
        fmt::format("probability '{}' must be above 0 and at most 1", std::string(t)));
  }
  return FromRational(*r);
}

Probability Multiply(const Probability& a, const Probability& b) {
  return FromRational(ToRational(a) * ToRational(b));
}

Probability Scale(const Probability& p, int times_ten) {
  Rational r = ToRational(p);
  for (int i = 0; i < times_ten; ++i) r *= 10;
  for (int i = 0; i > times_ten; --i) r /= 10;
  if (r > 1) r = 1;
  return FromRational(r);
}

std::string FormatProbability(const Probability& p) {
  const Rational r = ToRational(p);
  if (r == 1) return "1";
  if (numerator(r) == 1) return "1/" + GroupDigits(denominator(r).str());
  // 1/N with N to one decimal when it is not a whole number.
  const double n = 1.0 / p.value;
  if (std::abs(n - std::round(n)) < 1e-9 * n) {
    return "1/" + GroupDigits(fmt::format("{:.0f}", std::round(n)));
  }
  std::string s = fmt::format("{:.1f}", n);
  const size_t dot = s.find('.');
  return "1/" + GroupDigits(s.substr(0, dot)) + s.substr(dot);
}

}  // namespace eucomply::risk
