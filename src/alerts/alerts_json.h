// JSON for search hits, facets and stored alerts: the one schema of `eucomply alerts
// search|show --format json` and of the API, so scripts can move between the CLI and the API.
#pragma once

#include <nlohmann/json.hpp>

#include "alerts/search.h"
#include "alerts/store.h"

namespace eucomply::alerts {
class Vocabulary;
}

namespace eucomply::alerts {

nlohmann::json HitJson(const alerts::SearchHit& h);
// Facet counts with their labels in Chinese when `zh` (category, risk, level and country
// values keep their English form, which filters take).
nlohmann::json FacetsJson(const alerts::SearchResponse& r, const alerts::Vocabulary* vocabulary, bool zh);
// Search hits as CSV (RFC 4180: comma, double quotes, CRLF), with a header row; a cell that a
// spreadsheet would read as a formula (=, +, -, @) is prefixed with an apostrophe.
std::string HitsCsv(const std::vector<alerts::SearchHit>& hits);
// The same columns as an XLSX workbook (libxlsxwriter; every cell a string, never a formula).
Result<std::string> HitsXlsx(const std::vector<alerts::SearchHit>& hits);
nlohmann::json FacetsJson(const alerts::SearchResponse& r);
nlohmann::json AlertJson(const alerts::StoredAlert& s);

}  // namespace eucomply::alerts
