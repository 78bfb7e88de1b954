#include <algorithm>
#include <string>

#include "alerts/internal/ascii.h"
#include "alerts/normalise.h"
#include "eucomply/text.h"

namespace eucomply::alerts {

using internal::IsAlpha;
using internal::IsDigit;
using internal::PlainSpaces;

namespace {

std::string DigitsOnly(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsDigit(c)) out.push_back(c);
  }
  return out;
}


bool IsGtinLength(size_t n) { return n == 8 || n == 12 || n == 13 || n == 14; }

}  // namespace

bool IsValidGtin(std::string_view digits) {
  if (!IsGtinLength(digits.size())) return false;
  int sum = 0;
  int weight = 3;
  for (size_t i = digits.size() - 1; i-- > 0;) {
    if (!IsDigit(digits[i])) return false;
    sum += (digits[i] - '0') * weight;
    weight = weight == 3 ? 1 : 3;
  }
  char last = digits.back();
  if (!IsDigit(last)) return false;
  return (10 - sum % 10) % 10 == last - '0';
}

std::string BarcodeKey(std::string_view digits) {
  std::string d(digits);
  if (IsGtinLength(d.size()) && d.size() < 14) d.insert(0, 14 - d.size(), '0');
  return d;
}

std::vector<Barcode> ParseBarcodes(std::string_view field) {
  std::vector<Barcode> out;
  std::string text = PlainSpaces(field);
  std::string_view all = Trim(text);
  std::string lower = AsciiLower(all);
  if (all.empty() || lower == "unknown" || lower == "n/a" || lower == "-" || lower == "none") {
    return out;
  }
  auto add = [&](std::string_view raw, std::string digits, bool pure) {
    raw = Trim(raw);
    // Two or three EAN-13s run together with no separator: split when every part checks.
    if (pure && digits.size() > 14 && digits.size() % 13 == 0) {
      bool all_valid = true;
      for (size_t i = 0; i < digits.size(); i += 13) {
        all_valid = all_valid && IsValidGtin(std::string_view(digits).substr(i, 13));
      }
      if (all_valid) {
        for (size_t i = 0; i < digits.size(); i += 13) {
          std::string part = digits.substr(i, 13);
          out.push_back(Barcode{part, part, true});
        }
        return;
      }
    }
    bool valid = pure && IsValidGtin(digits);
    out.push_back(Barcode{std::string(raw), std::move(digits), valid});
  };
  size_t start = 0;
  while (start <= all.size()) {
    size_t end = all.find_first_of(",;/|\n", start);
    if (end == std::string_view::npos) end = all.size();
    std::string_view piece = Trim(all.substr(start, end - start));
    start = end + 1;
    // Drop a leading label such as "EAN", "EAN:", "GTIN-13:" or "Barcode".
    size_t label_end = 0;
    while (label_end < piece.size() && !IsDigit(piece[label_end])) ++label_end;
    std::string_view label = piece.substr(0, label_end);
    bool label_only_letters = std::all_of(label.begin(), label.end(), [](char c) {
      return IsAlpha(c) || c == ' ' || c == ':' || c == '-' || c == '.';
    });
    std::string_view body = label_only_letters ? piece.substr(label_end) : piece;
    if (body.empty()) continue;
    std::string digits = DigitsOnly(body);
    if (digits.empty()) continue;
    bool grouped = std::all_of(body.begin(), body.end(), [](char c) {
      return IsDigit(c) || c == ' ' || c == '.' || c == '-';
    });
    if (grouped && (IsGtinLength(digits.size()) || body.find(' ') == std::string_view::npos)) {
      std::string_view raw = body;
      while (!raw.empty() && (raw.back() == '.' || raw.back() == '-')) raw.remove_suffix(1);
      add(raw, std::move(digits), true);
      continue;
    }
    // Several codes separated by spaces, or codes mixed with words.
    size_t p = 0;
    while (p < body.size()) {
      while (p < body.size() && body[p] == ' ') ++p;
      size_t q = body.find(' ', p);
      if (q == std::string_view::npos) q = body.size();
      std::string_view token = body.substr(p, q - p);
      p = q;
      while (!token.empty() && (token.back() == '.' || token.back() == ':')) token.remove_suffix(1);
      std::string tdigits = DigitsOnly(token);
      if (tdigits.empty()) continue;
      bool pure = tdigits.size() == token.size();
      add(token, std::move(tdigits), pure);
    }
  }
  return out;
}

}  // namespace eucomply::alerts
