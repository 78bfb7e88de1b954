#include "alerts/normalise.h"

#include <algorithm>
#include <array>

#include "eucomply/text.h"

namespace eucomply::alerts {

std::vector<std::string> SplitRiskTypes(std::string_view field) {
  static constexpr std::array<const char*, 26> kKnown = {
      "Chemical",        "Injuries",         "Electric shock",
      "Choking",         "Fire",             "Strangulation",
      "Burns",           "Environment",      "Suffocation",
      "Health risk / other", "Damage to sight", "Cuts",
      "Damage to hearing", "Microbiological", "Drowning",
      "Entrapment",      "Asphyxiation",     "Radiation",
      "Security",        "Explosion",        "Electromagnetic disturbance",
      "Poisoning from inhalation", "Smoke inhalation", "Hypothermia",
      "Overheating",     "Allergy"};
  std::vector<std::string> out;
  for (std::string_view part : Split(field, ',')) {
    part = Trim(part);
    while (!part.empty() && part.back() == '.') part = Trim(part.substr(0, part.size() - 1));
    if (part.empty() || part == "-") continue;
    std::string value(part);
    std::string lower = AsciiLower(part);
    for (const char* known : kKnown) {
      if (AsciiLower(known) == lower) {
        value = known;
        break;
      }
    }
    if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(std::move(value));
  }
  return out;
}

std::string DecodeEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  static const std::pair<const char*, const char*> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xc2\xa0"}};
  std::string o;
  o.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      o += s[i];
      continue;
    }
    const size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      o += s[i];
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    bool done = false;
    for (const auto& [n, v] : kNamed) {
      if (name == n) {
        o += v;
        done = true;
        break;
      }
    }
    if (!done && name.size() >= 2 && name[0] == '#') {
      unsigned long cp = 0;
      bool ok = true;
      const bool hex = name[1] == 'x' || name[1] == 'X';
      for (char c : name.substr(hex ? 2 : 1)) {
        int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0 || cp > 0x10FFFF) ok = false;
        else cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
      }
      if (ok && cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
        if (cp < 0x80) o += static_cast<char>(cp);
        else if (cp < 0x800) o += static_cast<char>(0xC0 | (cp >> 6)), o += static_cast<char>(0x80 | (cp & 0x3F));
        else if (cp < 0x10000) o += static_cast<char>(0xE0 | (cp >> 12)), o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), o += static_cast<char>(0x80 | (cp & 0x3F));
        else o += static_cast<char>(0xF0 | (cp >> 18)), o += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)), o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), o += static_cast<char>(0x80 | (cp & 0x3F));
        done = true;
      }
    }
    if (done) {
      i = semi;
    } else {
      o += s[i];
    }
  }
  return o;
}

std::string PortalUrl(std::string_view reference) {
  if (reference.find("/-") != std::string_view::npos || reference.rfind("http", 0) != 0) return "";
  return std::string(reference);
}

void Normalise(Alert* alert, std::optional<Date> report_date, std::vector<std::string>* problems) {
  // The official files escape some texts in their CDATA sections ("&amp;" for "&"), some
  // twice: the XML parser keeps CDATA as written, this undoes the escaping.
  for (std::string* f : {&alert->product, &alert->brand, &alert->name, &alert->model, &alert->batch,
                         &alert->description, &alert->danger, &alert->measures_text, &alert->online_trader,
                         &alert->production_dates, &alert->category}) {
    // Some CDATA sections hold text escaped twice ("&amp;amp;"): decode until it is stable.
    for (int k = 0; k < 3; ++k) {
      std::string d = DecodeEntities(*f);
      if (d == *f) break;
      *f = std::move(d);
    }
  }
  alert->risks = SplitRiskTypes(alert->risk_type);
  alert->barcodes = ParseBarcodes(alert->barcode);
  alert->acts = FindActs(alert->danger, report_date);
  alert->standards = FindStandards(alert->danger);
  alert->measures = ParseMeasures(alert->measures_text, problems);
}

}  // namespace eucomply::alerts
