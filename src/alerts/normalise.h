// Normalisation of Safety Gate free-text fields: pure functions, thread-safe. The act
// functions (FindActs, ActNameForCelex, CurrentAct) read their table from
// knowledge/alerts/acts.yaml, once per process on first use (alerts/internal/act_table.h);
// everything else does no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eucomply/alerts.h"
#include "eucomply/date.h"

namespace eucomply::alerts {

// True if `digits` is a GTIN-8, -12, -13 or -14 (digits only) with a correct check digit.
bool IsValidGtin(std::string_view digits);

// Splits the free-text barcode field into barcodes. A field can hold several codes
// separated by commas, slashes, semicolons or spaces, with labels such as "EAN:"; a code can
// itself be written in groups ("4 006381 333931"). Codes that fail the check digit are kept
// with valid = false. "", "Unknown", "N/A" and "-" give no barcode.
std::vector<Barcode> ParseBarcodes(std::string_view field);

// The canonical form used to look a barcode up: digits, left-padded with zeros to 14 when
// the length is a GTIN length (so a GTIN-12 and its GTIN-13 form compare equal).
std::string BarcodeKey(std::string_view digits);

// Splits riskType on commas; trims, drops empty and "-" entries, and maps a case variant
// of a known risk type ("chemical") to its canonical spelling ("Chemical").
std::vector<std::string> SplitRiskTypes(std::string_view field);

// Parses DD/MM/YYYY (also with '.' or '-' separators); nullopt otherwise.
std::optional<Date> ParseDmyDate(std::string_view text);

// Parses the run-together label/value measures text. Appends a message to `problems` for
// each measure date that is neither a date nor "Unknown".
std::vector<Measure> ParseMeasures(std::string_view text, std::vector<std::string>* problems);

// Legal acts named in `text` ("Toy Safety Directive", "REACH Regulation", "Directive
// 2009/48/EC", "Regulation (EC) No 1907/2006"), mapped to CELEX numbers. Acts whose name
// outlived a recast (Toy Safety, Low Voltage, Machinery, ...) map to the version in force
// on `on` (the report date); without a date, the current version. Deduplicated, in order
// of first mention.
std::vector<ActReference> FindActs(std::string_view text, std::optional<Date> on);

// Standards cited in `text`, normalised: "EN71-1", "EN 71-1:2014+A1:2018" and
// "EN\u00a071-1" all give "EN 71-1"; prefixes EN, EN ISO, EN IEC, IEC, ISO and HD are kept.
// Deduplicated, in order of first mention.
std::vector<std::string> FindStandards(std::string_view text);

// The name of a known act for a CELEX number, or "".
std::string ActNameForCelex(std::string_view celex);
// The act in force today that took over from `celex` (its newest version, or the act that
// repealed and replaced it: Toy Safety Directive 88/378/EEC -> 2009/48/EC, GPSD -> GPSR,
// Directive 76/769/EEC -> REACH); `celex` itself when it is current.
ActReference CurrentAct(std::string_view celex);

// Fills alert->risks, barcodes, acts, standards and measures from the raw fields.
// `report_date` chooses act versions. Messages about odd values go to `problems`.
// HTML character references decoded once (&amp; &lt; &gt; &quot; &apos; &nbsp; &#NN; &#xNN;);
// anything else is kept as written.
std::string DecodeEntities(std::string_view s);
// The alert's portal link, or "" when it cannot open: alerts of 2005-2013 carry negative
// portal ids (".../alertDetail/-13742").
std::string PortalUrl(std::string_view reference);
void Normalise(Alert* alert, std::optional<Date> report_date, std::vector<std::string>* problems);

}  // namespace eucomply::alerts
