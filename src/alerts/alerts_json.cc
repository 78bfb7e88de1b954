#include "alerts/alerts_json.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <fmt/format.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "alerts/normalise.h"
#include "alerts/vocabulary.h"

namespace eucomply::alerts {

using nlohmann::json;
namespace al = eucomply::alerts;

json HitJson(const al::SearchHit& h) {
  return json{{"case_number", h.case_number}, {"report_date", h.report_date},
              {"category", h.category},       {"product", h.product},
              {"name", h.name},               {"brand", h.brand},
              {"level", h.level},             {"country_of_origin", h.country_of_origin},
              {"risk_type", h.risk_type},     {"url", PortalUrl(h.reference).empty() ? json(nullptr) : json(PortalUrl(h.reference))},
              {"description", h.description}, {"score", h.score}};
}

json FacetsJson(const al::SearchResponse& r) {
  json facets = json::object();
  for (al::Facet f : al::kAllFacets) {
    json values = json::array();
    for (const al::FacetCount& c : r.facets[static_cast<size_t>(f)]) {
      values.push_back(json{{"value", c.value}, {"label", c.label}, {"count", c.count}});
    }
    facets[al::FacetName(f)] = values;
  }
  return facets;
}

json FacetsJson(const al::SearchResponse& r, const al::Vocabulary* vocabulary, bool zh) {
  json facets = FacetsJson(r);
  if (!vocabulary || !zh) return facets;
  for (const char* f : {"category", "risk", "level", "origin", "notifying"}) {
    for (json& v : facets[f]) v["label"] = vocabulary->Translate(v["label"].get<std::string>(), true);
  }
  return facets;
}

json AlertJson(const al::StoredAlert& s) {
  const al::Alert& a = s.alert;
  json measures = json::array();
  for (const al::Measure& m : a.measures) {
    measures.push_back(json{{"operator_type", m.operator_type},
                            {"operator_role", m.ordered ? "ordered" : "taking"},
                            {"category", m.category},
                            {"date", m.date ? json(m.date->ToString()) : json(nullptr)},
                            {"date_text", m.date_text}});
  }
  json barcodes = json::array();
  for (const al::Barcode& b : a.barcodes) {
    barcodes.push_back(json{{"text", b.text}, {"digits", b.digits}, {"valid", b.valid}});
  }
  json acts = json::array();
  for (const al::ActReference& r : a.acts) acts.push_back(json{{"celex", r.celex}, {"name", r.name}});
  return json{{"case_number", a.case_number},
              {"report_id", s.report_official_id ? json(*s.report_official_id) : json(nullptr)},
              {"report_date", s.report_date},
              {"report_year", s.report_year},
              {"report_week", s.report_week},
              {"order", a.order},
              {"url", PortalUrl(a.reference).empty() ? json(nullptr) : json(PortalUrl(a.reference))},
              {"category", a.category},
              {"product", a.product},
              {"brand", a.brand},
              {"name", a.name},
              {"model", a.model},
              {"batch", a.batch},
              {"barcode", a.barcode},
              {"barcodes", barcodes},
              {"risk_types", a.risks},
              {"risk_description", a.danger},
              {"acts", acts},
              {"standards", a.standards},
              {"measures", measures},
              {"measures_text", a.measures_text},
              {"description", a.description},
              {"notifying_country", a.notifying_country},
              {"country_of_origin", a.country_of_origin},
              {"user_type", a.user_type},
              {"level", a.level},
              {"online_trader", a.online_trader},
              {"company_recall_code", a.company_recall_code},
              {"production_dates", a.production_dates},
              {"recall_url", a.url_recall},
              {"pictures", a.pictures}};
}


namespace {
std::string CsvCell(std::string_view v) {
  std::string s(v);
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s = "'" + s;
  bool quote = s.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) return s;
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + "\"";
}
}  // namespace

std::string HitsCsv(const std::vector<alerts::SearchHit>& hits) {
  std::string o = "case_number,report_date,category,product,name,brand,level,country_of_origin,risk_type,url,description\r\n";
  for (const alerts::SearchHit& h : hits) {
    const std::string url = alerts::PortalUrl(h.reference);
    const std::string_view cells[] = {h.case_number, h.report_date, h.category, h.product, h.name, h.brand,
                                      h.level, h.country_of_origin, h.risk_type, url, h.description};
    bool first = true;
    for (std::string_view c : cells) {
      if (!first) o += ',';
      o += CsvCell(c);
      first = false;
    }
    o += "\r\n";
  }
  return o;
}

Result<std::string> HitsXlsx(const std::vector<alerts::SearchHit>& hits) {
  static std::atomic<int> counter{0};
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     fmt::format("eucomply-export-{}-{}.xlsx", ::getpid(), counter++);
  lxw_workbook* wb = workbook_new(path.string().c_str());
  if (!wb) return Status::Unavailable("cannot create the XLSX workbook in " + path.parent_path().string());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Safety Gate alerts");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  const char* head[] = {"case_number", "report_date", "category", "product", "name", "brand",
                        "level", "country_of_origin", "risk_type", "url", "description"};
  for (int c = 0; c < 11; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head[c], bold);
  lxw_row_t row = 1;
  for (const alerts::SearchHit& h : hits) {
    const std::string url = alerts::PortalUrl(h.reference);
    const std::string* cells[] = {&h.case_number, &h.report_date, &h.category, &h.product, &h.name, &h.brand,
                                  &h.level, &h.country_of_origin, &h.risk_type, &url, &h.description};
    for (int c = 0; c < 11; ++c) {
      // Excel holds at most 32,767 characters in a cell.
      const std::string v = cells[c]->size() > 32000 ? cells[c]->substr(0, 32000) : *cells[c];
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), v.c_str(), nullptr);
    }
    ++row;
  }
  const lxw_error err = workbook_close(wb);
  std::string bytes;
  if (err == LXW_NO_ERROR) {
    std::ifstream f(path, std::ios::binary);
    bytes.assign((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (err != LXW_NO_ERROR) return Status::Unavailable(std::string("XLSX export failed: ") + lxw_strerror(err));
  return bytes;
}

}  // namespace eucomply::alerts
