#include "alerts/alerts_json.h"

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

}  // namespace eucomply::alerts
