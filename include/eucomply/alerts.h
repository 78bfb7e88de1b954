// Safety Gate (RAPEX) alerts: the parsed record, and the normalised fields derived from it.
//
// The weekly-report parser (src/alerts/weekly_report_parser.h) produces these; the store
// (src/alerts/store.h) persists and indexes them; search and lessons read them back.
// All types are plain values: copyable, no hidden ownership, safe to move across threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eucomply/date.h"

namespace eucomply::alerts {

// One measure taken against a product: who took it (or was ordered to), what, and when.
// The weekly report runs label/value pairs together; see ParseMeasures().
struct Measure {
  // True for "Type of economic operator to whom the measure(s) were ordered", false for
  // "... taking notified measure(s)" (a voluntary measure).
  bool ordered = false;
  std::string operator_type;  // Manufacturer, Importer, Distributor, Retailer, Other, ...
  std::string category;       // e.g. "Withdrawal of the product from the market"
  std::optional<Date> date;   // nullopt for "Unknown" or an unreadable date
  std::string date_text;      // as written, e.g. "24/04/2026" or "Unknown"
};

// One barcode found in the free-text barcode field. A field may hold several.
struct Barcode {
  std::string text;    // as written, trimmed
  std::string digits;  // the digits only
  bool valid = false;  // a GTIN-8/12/13/14 whose check digit is right
};

// A legal act named in the risk description, mapped to its CELEX number.
struct ActReference {
  std::string celex;  // e.g. "32009L0048"
  std::string name;   // canonical English short name, e.g. "Toy Safety Directive"
};

struct Alert {
  // Identity: alerts are keyed by (report, order). The case number is not unique: the
  // official files repeat 0259/06 inside report 169 and 0145/07 across reports 106 and 210.
  int order = 0;
  std::string case_number;
  std::string reference;  // the alert's URL on the Safety Gate portal
  std::string xsi_type;   // ...MotorVehicleContentDto or ...ContentDto

  std::string category;
  std::string product;  // product type, e.g. "Fancy-dress accessory"
  std::string brand;
  std::string name;
  std::string model;  // type_numberOfModel
  std::string batch;
  std::string barcode;  // as written
  std::string risk_type;  // as written, possibly comma-separated
  std::string danger;     // the risk description
  std::string measures_text;
  std::string url_recall;
  std::string description;
  std::string notifying_country;
  std::string country_of_origin;
  std::string user_type;  // Consumer / Professional
  std::string level;      // Serious risk / Other risk levels / Other types of alerts
  std::string online_trader;
  std::string company_recall_code;
  std::string production_dates;
  std::vector<std::string> pictures;  // URLs, kept as text only

  // Derived by Normalise().
  std::vector<std::string> risks;
  std::vector<Barcode> barcodes;
  std::vector<ActReference> acts;
  std::vector<std::string> standards;  // normalised, e.g. "EN 71-1", "EN IEC 62368-1"
  std::vector<Measure> measures;
};

// The header of one weekly report.
struct ReportHeader {
  std::string language;
  std::string date_text;     // report_date as written, DD/MM/YYYY
  std::optional<Date> date;  // report_date parsed
  int year = 0;              // report_year as published (can disagree with date)
  int week = 0;              // report_week as published
  std::string addendum;
};

}  // namespace eucomply::alerts
