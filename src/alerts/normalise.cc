#include "alerts/normalise.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "eucomply/text.h"

namespace eucomply::alerts {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string DigitsOnly(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsDigit(c)) out.push_back(c);
  }
  return out;
}

// Replaces UTF-8 no-break spaces (C2 A0) by plain spaces; the files use both.
std::string PlainSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out.push_back(' ');
      ++i;
    } else {
      out.push_back(s[i]);
    }
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

std::optional<Date> ParseDmyDate(std::string_view text) {
  text = Trim(text);
  int parts[3] = {0, 0, 0};
  int lens[3] = {0, 0, 0};
  int idx = 0;
  char sep = 0;
  for (char c : text) {
    if (IsDigit(c)) {
      parts[idx] = parts[idx] * 10 + (c - '0');
      if (++lens[idx] > 4) return std::nullopt;
    } else if ((c == '/' || c == '.' || c == '-') && idx < 2 && (sep == 0 || sep == c)) {
      sep = c;
      ++idx;
    } else {
      return std::nullopt;
    }
  }
  if (idx != 2 || lens[0] < 1 || lens[0] > 2 || lens[1] < 1 || lens[1] > 2 || lens[2] != 4) {
    return std::nullopt;
  }
  return Date::FromYmd(parts[2], parts[1], parts[0]);
}

std::vector<Measure> ParseMeasures(std::string_view text, std::vector<std::string>* problems) {
  struct Label {
    std::string_view text;
    int kind;  // 0 taking, 1 ordered, 2 category, 3 date
  };
  static constexpr Label kLabels[] = {
      {"Type of economic operator taking notified measure(s):", 0},
      {"Type of economic operator to whom the measure(s) were ordered:", 1},
      {"Category of measure(s):", 2},
      {"Date of entry into force:", 3},
  };
  std::vector<Measure> out;
  size_t pos = 0;
  int kind = -1;
  size_t value_start = 0;
  auto flush = [&](size_t value_end) {
    if (kind < 0) return;
    std::string value(Trim(text.substr(value_start, value_end - value_start)));
    bool need_new = out.empty() || kind <= 1 || (kind == 2 && !out.back().category.empty()) ||
                    (kind == 3 && !out.back().date_text.empty());
    if (need_new) out.emplace_back();
    Measure& m = out.back();
    switch (kind) {
      case 0:
      case 1:
        m.ordered = kind == 1;
        m.operator_type = std::move(value);
        break;
      case 2:
        while (!value.empty() && value.back() == '.') value.pop_back();
        m.category = std::move(value);
        break;
      case 3:
        m.date = ParseDmyDate(value);
        if (!m.date && AsciiLower(value) != "unknown" && !value.empty() && problems) {
          problems->push_back("odd measure date '" + value + "' (kept as text)");
        }
        m.date_text = std::move(value);
        break;
      default:
        break;
    }
  };
  while (true) {
    size_t best = std::string_view::npos;
    const Label* found = nullptr;
    for (const Label& l : kLabels) {
      size_t p = text.find(l.text, pos);
      if (p < best) {
        best = p;
        found = &l;
      }
    }
    if (found == nullptr) {
      flush(text.size());
      break;
    }
    flush(best);
    kind = found->kind;
    value_start = best + found->text.size();
    pos = value_start;
  }
  if (out.empty() && !Trim(text).empty()) {
    // Free text with no labels: keep it as the category so nothing is lost.
    Measure m;
    m.category = std::string(Trim(text));
    out.push_back(std::move(m));
  }
  return out;
}

namespace {

struct ActVersion {
  const char* from;  // YYYY-MM-DD when this version started to apply; "" for the first
  const char* celex;
};

struct Act {
  const char* key;
  const char* name;
  std::array<ActVersion, 3> versions;  // in date order; unused entries have celex nullptr
};

// Acts named in the alerts, with the CELEX number of each version. A recast keeps the
// short name, so the version is picked by the report date.
constexpr Act kActs[] = {
    {"toys", "Toy Safety Directive", {{{"", "31988L0378"}, {"2011-07-20", "32009L0048"}, {}}}},
    {"lvd", "Low Voltage Directive",
     {{{"", "31973L0023"}, {"2007-01-16", "32006L0095"}, {"2016-04-20", "32014L0035"}}}},
    {"reach", "REACH Regulation", {{{"", "32006R1907"}, {}, {}}}},
    {"cosm_reg", "Cosmetic Products Regulation", {{{"", "32009R1223"}, {}, {}}}},
    {"cosm_dir", "Cosmetics Directive", {{{"", "31976L0768"}, {}, {}}}},
    {"gpsd", "General Product Safety Directive", {{{"", "32001L0095"}, {}, {}}}},
    {"gpsr", "General Product Safety Regulation", {{{"", "32023R0988"}, {}, {}}}},
    {"mach_dir", "Machinery Directive", {{{"", "31998L0037"}, {"2009-12-29", "32006L0042"}, {}}}},
    {"mach_reg", "Machinery Regulation", {{{"", "32023R1230"}, {}, {}}}},
    {"tobacco", "Tobacco Products Directive",
     {{{"", "32001L0037"}, {"2016-05-20", "32014L0040"}, {}}}},
    {"ppe_reg", "Personal Protective Equipment Regulation", {{{"", "32016R0425"}, {}, {}}}},
    {"ppe_dir", "Personal Protective Equipment Directive", {{{"", "31989L0686"}, {}, {}}}},
    {"chem_restr", "Chemical Restrictions Directive", {{{"", "31976L0769"}, {}, {}}}},
    {"pyro", "Pyrotechnic Articles Directive",
     {{{"", "32007L0023"}, {"2015-07-01", "32013L0029"}, {}}}},
    {"pop", "Persistent Organic Pollutants Regulation",
     {{{"", "32004R0850"}, {"2019-07-15", "32019R1021"}, {}}}},
    {"rohs", "RoHS Directive", {{{"", "32002L0095"}, {"2013-01-03", "32011L0065"}, {}}}},
    {"clp", "CLP Regulation", {{{"", "32008R1272"}, {}, {}}}},
    {"cpr", "Construction Products Regulation", {{{"", "32011R0305"}, {}, {}}}},
    {"cpd", "Construction Products Directive", {{{"", "31989L0106"}, {}, {}}}},
    {"bpr", "Biocidal Products Regulation", {{{"", "32012R0528"}, {}, {}}}},
    {"bpd", "Biocidal Products Directive", {{{"", "31998L0008"}, {}, {}}}},
    {"gad", "Gas Appliances Directive", {{{"", "31990L0396"}, {"2009-12-31", "32009L0142"}, {}}}},
    {"gar", "Gas Appliances Regulation", {{{"", "32016R0426"}, {}, {}}}},
    {"ped", "Pressure Equipment Directive",
     {{{"", "31997L0023"}, {"2016-07-19", "32014L0068"}, {}}}},
    {"food_imit", "Food-Imitating Products Directive", {{{"", "31987L0357"}, {}, {}}}},
    {"red", "Radio Equipment Directive", {{{"", "32014L0053"}, {}, {}}}},
    {"rtte", "R&TTE Directive", {{{"", "31999L0005"}, {}, {}}}},
    {"rcd", "Recreational Craft Directive",
     {{{"", "31994L0025"}, {"2016-01-18", "32013L0053"}, {}}}},
    {"dpd", "Dangerous Preparations Directive", {{{"", "31999L0045"}, {}, {}}}},
    {"dsd", "Dangerous Substances Directive", {{{"", "31967L0548"}, {}, {}}}},
    {"atex", "ATEX Directive", {{{"", "31994L0009"}, {"2016-04-20", "32014L0034"}, {}}}},
    {"emc", "Electromagnetic Compatibility Directive",
     {{{"", "32004L0108"}, {"2016-04-20", "32014L0030"}, {}}}},
    {"mdd", "Medical Devices Directive", {{{"", "31993L0042"}, {}, {}}}},
    {"spvd", "Simple Pressure Vessels Directive",
     {{{"", "32009L0105"}, {"2016-04-20", "32014L0029"}, {}}}},
    {"tped", "Transportable Pressure Equipment Directive", {{{"", "32010L0035"}, {}, {}}}},
    {"med", "Marine Equipment Directive", {{{"", "31996L0098"}, {"2016-09-18", "32014L0090"}, {}}}},
    {"batt", "Batteries Directive", {{{"", "32006L0066"}, {}, {}}}},
    {"fcm", "Food Contact Materials Regulation", {{{"", "32004R1935"}, {}, {}}}},
    {"aerosol", "Aerosol Dispensers Directive", {{{"", "31975L0324"}, {}, {}}}},
    {"mid", "Measuring Instruments Directive",
     {{{"", "32004L0022"}, {"2016-04-20", "32014L0032"}, {}}}},
    {"detergents", "Detergents Regulation", {{{"", "32004R0648"}, {}, {}}}},
    {"phthalates", "Phthalates in Toys Directive", {{{"", "32005L0084"}, {}, {}}}},
};

enum class Kind { kDirective, kRegulation };

struct Alias {
  const char* words;  // lower case, single spaces, the words before "Directive"/"Regulation"
  Kind kind;
  const char* key;
};

// Spellings seen in the 2005-2026 reports, typos included.
constexpr Alias kAliases[] = {
    {"toy safety", Kind::kDirective, "toys"},
    {"toys safety", Kind::kDirective, "toys"},
    {"toys", Kind::kDirective, "toys"},
    {"toy", Kind::kDirective, "toys"},
    {"low voltage", Kind::kDirective, "lvd"},
    {"low volage", Kind::kDirective, "lvd"},
    {"law voltage", Kind::kDirective, "lvd"},
    {"lvd", Kind::kDirective, "lvd"},
    {"lv", Kind::kDirective, "lvd"},
    {"reach", Kind::kRegulation, "reach"},
    {"cosmetic products", Kind::kRegulation, "cosm_reg"},
    {"cosmetics products", Kind::kRegulation, "cosm_reg"},
    {"cosmetic product", Kind::kRegulation, "cosm_reg"},
    {"cosmetics", Kind::kRegulation, "cosm_reg"},
    {"cosmetic", Kind::kRegulation, "cosm_reg"},
    {"cosmetics", Kind::kDirective, "cosm_dir"},
    {"cosmetic", Kind::kDirective, "cosm_dir"},
    {"cosmetic products", Kind::kDirective, "cosm_dir"},
    {"general product safety", Kind::kDirective, "gpsd"},
    {"generalproduct safety", Kind::kDirective, "gpsd"},
    {"general safety", Kind::kDirective, "gpsd"},
    {"product safety", Kind::kDirective, "gpsd"},
    {"general product safety", Kind::kRegulation, "gpsr"},
    {"generalproduct safety", Kind::kRegulation, "gpsr"},
    {"general safety product", Kind::kRegulation, "gpsr"},
    {"gpsr", Kind::kRegulation, "gpsr"},
    {"machinery", Kind::kDirective, "mach_dir"},
    {"machinery safety", Kind::kDirective, "mach_dir"},
    {"machine", Kind::kDirective, "mach_dir"},
    {"ecmachinery", Kind::kDirective, "mach_dir"},
    {"machinery", Kind::kRegulation, "mach_reg"},
    {"tobacco products", Kind::kDirective, "tobacco"},
    {"tobacco product", Kind::kDirective, "tobacco"},
    {"tobaccoproducts", Kind::kDirective, "tobacco"},
    {"personal protective equipment", Kind::kRegulation, "ppe_reg"},
    {"personal protection equipment", Kind::kRegulation, "ppe_reg"},
    {"personal preotective equipment", Kind::kRegulation, "ppe_reg"},
    {"ppe", Kind::kRegulation, "ppe_reg"},
    {"personal protective equipment", Kind::kDirective, "ppe_dir"},
    {"personal protective", Kind::kDirective, "ppe_dir"},
    {"ppe", Kind::kDirective, "ppe_dir"},
    {"chemical restrictions", Kind::kDirective, "chem_restr"},
    {"chemicals restrictions", Kind::kDirective, "chem_restr"},
    {"chemical restriction", Kind::kDirective, "chem_restr"},
    {"limitations", Kind::kDirective, "chem_restr"},
    {"pyrotechnics", Kind::kDirective, "pyro"},
    {"pyrotechnic articles", Kind::kDirective, "pyro"},
    {"pyrotechnic", Kind::kDirective, "pyro"},
    {"pop", Kind::kRegulation, "pop"},
    {"pops", Kind::kRegulation, "pop"},
    {"persistent organic pollutants", Kind::kRegulation, "pop"},
    {"rohs", Kind::kDirective, "rohs"},
    {"rohs2", Kind::kDirective, "rohs"},
    {"rohs 2", Kind::kDirective, "rohs"},
    {"clp", Kind::kRegulation, "clp"},
    {"construction products", Kind::kRegulation, "cpr"},
    {"construction product", Kind::kRegulation, "cpr"},
    {"construction products", Kind::kDirective, "cpd"},
    {"biocidal products", Kind::kRegulation, "bpr"},
    {"biocidal products", Kind::kDirective, "bpd"},
    {"biocides", Kind::kDirective, "bpd"},
    {"gas appliances", Kind::kDirective, "gad"},
    {"gas appliance", Kind::kDirective, "gad"},
    {"gas", Kind::kDirective, "gad"},
    {"gas appliances", Kind::kRegulation, "gar"},
    {"gas appliance", Kind::kRegulation, "gar"},
    {"pressure equipment", Kind::kDirective, "ped"},
    {"food imitating", Kind::kDirective, "food_imit"},
    {"food imitating products", Kind::kDirective, "food_imit"},
    {"food imitation", Kind::kDirective, "food_imit"},
    {"dangerous imitation", Kind::kDirective, "food_imit"},
    {"radio equipment", Kind::kDirective, "red"},
    {"radio equipment", Kind::kRegulation, "red"},
    {"tte", Kind::kDirective, "rtte"},
    {"r tte", Kind::kDirective, "rtte"},
    {"telecommunications terminal equipment", Kind::kDirective, "rtte"},
    {"recreational craft", Kind::kDirective, "rcd"},
    {"personal watercraft", Kind::kDirective, "rcd"},
    {"dangerous preparations", Kind::kDirective, "dpd"},
    {"dangerous substances", Kind::kDirective, "dsd"},
    {"atex", Kind::kDirective, "atex"},
    {"electromagnetic compatibility", Kind::kDirective, "emc"},
    {"emc", Kind::kDirective, "emc"},
    {"medical devices", Kind::kDirective, "mdd"},
    {"simple pressure vessels", Kind::kDirective, "spvd"},
    {"transportable pressure equipment", Kind::kDirective, "tped"},
    {"marine equipment", Kind::kDirective, "med"},
    {"batteries and accumulators", Kind::kDirective, "batt"},
    {"accumulators", Kind::kDirective, "batt"},
    {"batteries", Kind::kDirective, "batt"},
    {"battery", Kind::kDirective, "batt"},
    {"food contact materials", Kind::kRegulation, "fcm"},
    {"fcm", Kind::kRegulation, "fcm"},
    {"aerosol dispensers", Kind::kDirective, "aerosol"},
    {"aerosols", Kind::kDirective, "aerosol"},
    {"measuring instruments", Kind::kDirective, "mid"},
    {"detergents", Kind::kRegulation, "detergents"},
    {"phthalates", Kind::kDirective, "phthalates"},
};

const Act* FindAct(std::string_view key) {
  for (const Act& a : kActs) {
    if (key == a.key) return &a;
  }
  return nullptr;
}

ActReference Resolve(const Act& act, std::optional<Date> on) {
  const char* celex = act.versions[0].celex;
  std::string day = on ? on->ToString() : std::string("9999-12-31");
  for (const ActVersion& v : act.versions) {
    if (v.celex != nullptr && day >= v.from) celex = v.celex;
  }
  return ActReference{celex, act.name};
}

// Lower-cased words of `s`, non-alphanumerics as single spaces, no leading/trailing space.
std::string NormWords(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAlnum(c) || (static_cast<unsigned char>(c) >= 0x80)) {
      out.push_back(Lower(c));
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool EndsWithWords(std::string_view window, std::string_view words) {
  if (window.size() < words.size()) return false;
  if (window.substr(window.size() - words.size()) != words) return false;
  return window.size() == words.size() || window[window.size() - words.size() - 1] == ' ';
}

// Reads an unsigned number at text[*p], advancing *p; -1 if none.
long ReadNumber(std::string_view text, size_t* p, int* ndigits) {
  long v = 0;
  *ndigits = 0;
  while (*p < text.size() && IsDigit(text[*p]) && *ndigits < 6) {
    v = v * 10 + (text[*p] - '0');
    ++*p;
    ++*ndigits;
  }
  return *ndigits == 0 ? -1 : v;
}

void SkipSpaces(std::string_view text, size_t* p) {
  while (*p < text.size() && text[*p] == ' ') ++*p;
}

std::string MakeCelex(long year, char type, long number) {
  if (year < 100) year += year < 50 ? 2000 : 1900;
  char buf[32];
  std::snprintf(buf, sizeof buf, "3%04ld%c%04ld", year, type, number);
  return buf;
}

// "Directive 2009/48/EC", "Directive 88/378/EEC", "Regulation (EC) No 1907/2006",
// "Regulation (EU) 2019/1021", "Regulation 1223/2009": the CELEX number, or "".
std::string NumberedAct(std::string_view text, size_t after, Kind kind) {
  size_t p = after;
  SkipSpaces(text, &p);
  if (kind == Kind::kRegulation) {
    bool new_style = false;
    if (p < text.size() && text[p] == '(') {
      size_t close = text.find(')', p);
      if (close == std::string_view::npos || close - p > 8) return "";
      std::string_view tag = text.substr(p + 1, close - p - 1);
      new_style = tag == "EU";
      p = close + 1;
      SkipSpaces(text, &p);
    }
    bool has_no = false;
    if (text.substr(p, 3) == "No " || text.substr(p, 3) == "No.") {
      has_no = true;
      p += 3;
      SkipSpaces(text, &p);
    }
    int d1 = 0, d2 = 0;
    long a = ReadNumber(text, &p, &d1);
    if (a < 0 || p >= text.size() || text[p] != '/') return "";
    ++p;
    long b = ReadNumber(text, &p, &d2);
    if (b < 0) return "";
    // Since 2015 EU acts are numbered year/number; before, regulations were number/year.
    if (!has_no && new_style && d1 == 4 && a >= 2015) return MakeCelex(a, 'R', b);
    if (d2 == 4 || d2 == 2) return MakeCelex(b, 'R', a);
    return "";
  }
  int d1 = 0, d2 = 0;
  long year = ReadNumber(text, &p, &d1);
  if (year < 0 || (d1 != 2 && d1 != 4) || p >= text.size() || text[p] != '/') return "";
  ++p;
  long number = ReadNumber(text, &p, &d2);
  if (number < 0 || p >= text.size() || text[p] != '/') return "";
  return MakeCelex(year, 'L', number);
}

bool IsWordBoundary(std::string_view text, size_t pos) {
  return pos >= text.size() || !IsAlnum(text[pos]);
}

}  // namespace

std::string ActNameForCelex(std::string_view celex) {
  for (const Act& a : kActs) {
    for (const ActVersion& v : a.versions) {
      if (v.celex != nullptr && celex == v.celex) return a.name;
    }
  }
  return "";
}

ActReference CurrentAct(std::string_view celex) {
  // The newest version of the same act (a recast keeps the short name) ...
  for (const Act& a : kActs) {
    bool here = false;
    const char* newest = nullptr;
    for (const ActVersion& v : a.versions) {
      if (v.celex == nullptr) continue;
      here = here || celex == v.celex;
      newest = v.celex;
    }
    if (here && newest && celex != newest) return CurrentAct(newest);
  }
  // ... and acts that replaced another under a new name, each repealing the older one (the
  // repeal articles were not re-read for this list; it only groups lessons, never decides).
  static constexpr std::pair<const char*, const char*> kReplacedBy[] = {
      {"32001L0095", "32023R0988"},  // GPSD -> GPSR, from 13 December 2024
      {"31976L0768", "32009R1223"},  // Cosmetics Directive -> Cosmetic Products Regulation
      {"31989L0686", "32016R0425"},  // PPE Directive -> PPE Regulation
      {"31976L0769", "32006R1907"},  // restrictions -> REACH Annex XVII
      {"32005L0084", "32006R1907"},  // phthalates in toys -> REACH Annex XVII entries 51-52
      {"31989L0106", "32011R0305"},  // CPD -> CPR
      {"31998L0008", "32012R0528"},  // BPD -> BPR
      {"32009L0142", "32016R0426"},  // Gas Appliances Directive -> Regulation
      {"31999L0005", "32014L0053"},  // R&TTE -> RED
      {"31999L0045", "32008R1272"},  // DPD -> CLP
      {"31967L0548", "32008R1272"},  // DSD -> CLP
      {"32006L0066", "32023R1542"},  // Batteries Directive -> Batteries Regulation
      {"31993L0042", "32017R0745"},  // MDD -> MDR
      {"32004R0850", "32019R1021"},  // POPs recast
  };
  for (const auto& [from, to] : kReplacedBy) {
    if (celex == from) {
      std::string name = ActNameForCelex(to);
      if (name.empty() && std::string_view(to) == "32023R1542") name = "Batteries Regulation";
      if (name.empty() && std::string_view(to) == "32017R0745") name = "Medical Devices Regulation";
      return ActReference{to, name.empty() ? std::string(to) : name};
    }
  }
  return ActReference{std::string(celex), ActNameForCelex(celex)};
}

std::vector<ActReference> FindActs(std::string_view raw, std::optional<Date> on) {
  std::vector<ActReference> out;
  auto add = [&](ActReference ref) {
    for (const ActReference& r : out) {
      if (r.celex == ref.celex) return;
    }
    out.push_back(std::move(ref));
  };
  std::string text = PlainSpaces(raw);
  std::string lower = AsciiLower(text);
  struct Keyword {
    std::string_view word;
    Kind kind;
  };
  const Keyword keywords[] = {{"directive", Kind::kDirective}, {"regulation", Kind::kRegulation}};
  // Collect keyword positions in text order so acts come out in order of mention.
  std::vector<std::pair<size_t, Kind>> hits;
  for (const Keyword& k : keywords) {
    for (size_t p = lower.find(k.word); p != std::string::npos; p = lower.find(k.word, p + 1)) {
      if (p > 0 && IsAlnum(lower[p - 1])) continue;
      size_t end = p + k.word.size();
      if (end < lower.size() && IsAlpha(lower[end]) && lower[end] != 's') continue;
      hits.emplace_back(p, k.kind);
    }
  }
  std::sort(hits.begin(), hits.end());
  for (auto [pos, kind] : hits) {
    size_t window_start = pos > 64 ? pos - 64 : 0;
    std::string window = NormWords(std::string_view(lower).substr(window_start, pos - window_start));
    const Alias* best = nullptr;
    for (const Alias& a : kAliases) {
      if (a.kind != kind) continue;
      if (EndsWithWords(window, a.words) &&
          (best == nullptr || std::strlen(a.words) > std::strlen(best->words))) {
        best = &a;
      }
    }
    if (best != nullptr) {
      if (const Act* act = FindAct(best->key)) add(Resolve(*act, on));
      continue;
    }
    size_t word_end = pos + (kind == Kind::kDirective ? 9 : 10);
    std::string celex = NumberedAct(text, word_end, kind);
    if (!celex.empty()) {
      std::string name = ActNameForCelex(celex);
      if (name.empty()) name = std::string(kind == Kind::kDirective ? "Directive " : "Regulation ") + celex;
      add(ActReference{celex, name});
    }
  }
  // "REACH" on its own, upper case (the lower-case word "reach" is ordinary English).
  for (size_t p = text.find("REACH"); p != std::string::npos; p = text.find("REACH", p + 1)) {
    if ((p == 0 || !IsAlnum(text[p - 1])) && IsWordBoundary(text, p + 5)) {
      add(Resolve(*FindAct("reach"), on));
      break;
    }
  }
  return out;
}

std::vector<std::string> FindStandards(std::string_view raw) {
  std::vector<std::string> out;
  std::string text = PlainSpaces(raw);
  static constexpr std::string_view kPrefixes[] = {"EN ISO", "EN IEC", "EN", "IEC", "ISO", "HD"};
  size_t i = 0;
  while (i < text.size()) {
    if (!(text[i] == 'E' || text[i] == 'I' || text[i] == 'H') || (i > 0 && IsAlnum(text[i - 1]))) {
      ++i;
      continue;
    }
    std::string_view rest = std::string_view(text).substr(i);
    std::string_view prefix;
    size_t p = 0;
    for (std::string_view candidate : kPrefixes) {
      if (rest.substr(0, candidate.size()) != candidate) continue;
      size_t q = candidate.size();
      while (q < rest.size() && rest[q] == ' ' && q < candidate.size() + 2) ++q;
      if (q < rest.size() && IsDigit(rest[q])) {
        prefix = candidate;
        p = q;
        break;
      }
    }
    if (prefix.empty()) {
      ++i;
      continue;
    }
    size_t start = p;
    while (p < rest.size() && IsDigit(rest[p])) ++p;
    size_t number_len = p - start;
    if (number_len < 2 || number_len > 6 || (p < rest.size() && IsAlpha(rest[p]))) {
      i += p;
      continue;
    }
    std::string id = std::string(prefix) + " " + std::string(rest.substr(start, p - start));
    // Parts: "-1", "-2-20". A dash followed by a year-like number after ':' is not a part.
    while (p + 1 < rest.size() && rest[p] == '-' && IsDigit(rest[p + 1])) {
      size_t q = p + 1;
      while (q < rest.size() && IsDigit(rest[q])) ++q;
      if (q - (p + 1) > 3) break;
      id += rest.substr(p, q - p);
      p = q;
    }
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
    i += p;
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
