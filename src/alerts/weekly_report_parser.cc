#include "alerts/weekly_report_parser.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <pugixml.hpp>

#include "alerts/internal/act_table.h"
#include "alerts/normalise.h"
#include "eucomply/text.h"

namespace eucomply::alerts {
namespace {

// All text and CDATA children of `node`, concatenated and trimmed.
std::string NodeText(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  std::string_view t = Trim(out);
  if (t.size() == out.size()) return out;
  return std::string(t);
}

bool ParseInt(std::string_view s, int* out) {
  s = Trim(s);
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

using Field = std::string Alert::*;

struct FieldName {
  const char* name;
  Field field;
};

constexpr FieldName kFields[] = {
    {"caseNumber", &Alert::case_number},
    {"reference", &Alert::reference},
    {"category", &Alert::category},
    {"product", &Alert::product},
    {"brand", &Alert::brand},
    {"name", &Alert::name},
    {"type_numberOfModel", &Alert::model},
    {"batchNumber", &Alert::batch},
    {"barcode", &Alert::barcode},
    {"riskType", &Alert::risk_type},
    {"danger", &Alert::danger},
    {"measures", &Alert::measures_text},
    {"URLrecall", &Alert::url_recall},
    {"description", &Alert::description},
    {"notifyingCountry", &Alert::notifying_country},
    {"countryOfOrigin", &Alert::country_of_origin},
    {"type", &Alert::user_type},
    {"level", &Alert::level},
    {"onlineTrader", &Alert::online_trader},
    {"companyRecallCode", &Alert::company_recall_code},
    {"productionDates", &Alert::production_dates},
};

std::string AlertPlace(int number, std::string_view case_number) {
  std::string s = "alert " + std::to_string(number);
  if (!case_number.empty()) s += " (case " + std::string(case_number) + ")";
  return s;
}

// For an XML error at `offset`: which alert was being read, and its case number if seen.
std::string PlaceOfOffset(std::string_view xml, size_t offset) {
  offset = std::min(offset, xml.size());
  std::string_view before = xml.substr(0, offset);
  int count = 0;
  size_t last = std::string_view::npos;
  for (size_t p = before.find("<notifications"); p != std::string_view::npos;
       p = before.find("<notifications", p + 1)) {
    ++count;
    last = p;
  }
  if (count == 0) return "report header";
  std::string case_number;
  size_t c = before.find("<caseNumber>", last);
  if (c != std::string_view::npos) {
    size_t start = c + std::strlen("<caseNumber>");
    size_t end = before.find('<', start);
    if (end != std::string_view::npos) case_number = std::string(Trim(before.substr(start, end - start)));
  }
  return AlertPlace(count, case_number);
}

// One <notifications> element, the `number`th of the report, read and normalised.
Alert ReadAlert(const pugi::xml_node& node, int number, WeeklyReport* report) {
  Alert alert;
  bool has_order = false;
  std::vector<std::string> unknown;
  for (pugi::xml_node f = node.first_child(); f; f = f.next_sibling()) {
    if (f.type() != pugi::node_element) continue;
    std::string_view name = f.name();
    if (name == "order") {
      has_order = ParseInt(NodeText(f), &alert.order);
      continue;
    }
    if (name == "pictures") {
      for (pugi::xml_node pic = f.first_child(); pic; pic = pic.next_sibling()) {
        if (pic.type() != pugi::node_element) continue;
        std::string url = NodeText(pic);
        if (!url.empty()) alert.pictures.push_back(std::move(url));
      }
      continue;
    }
    bool known = false;
    for (const FieldName& fn : kFields) {
      if (name == fn.name) {
        alert.*(fn.field) = NodeText(f);
        known = true;
        break;
      }
    }
    if (!known) unknown.emplace_back(name);
  }
  alert.xsi_type = node.attribute("xsi:type").value();
  std::string place = AlertPlace(number, alert.case_number);
  if (!has_order) {
    report->warnings.push_back(place + ": missing or unreadable <order>; using position " +
                               std::to_string(number));
    alert.order = number;
  }
  for (const std::string& u : unknown) {
    report->warnings.push_back(place + ": unknown element <" + u + "> ignored");
  }
  if (alert.case_number.empty()) report->warnings.push_back(place + ": empty caseNumber");
  std::vector<std::string> problems;
  Normalise(&alert, report->header.date, &problems);
  for (std::string& p : problems) report->warnings.push_back(place + ": " + p);
  return alert;
}

// A header element (anything but <notifications>) into report->header.
void ReadHeaderField(const pugi::xml_node& child, WeeklyReport* report) {
  std::string_view tag = child.name();
  if (tag == "report_language") {
    report->header.language = NodeText(child);
  } else if (tag == "report_date") {
    report->header.date_text = NodeText(child);
    report->header.date = ParseDmyDate(report->header.date_text);
  } else if (tag == "report_year") {
    if (!ParseInt(NodeText(child), &report->header.year)) {
      report->warnings.push_back("report header: unreadable report_year '" + NodeText(child) + "'");
    }
  } else if (tag == "report_week") {
    if (!ParseInt(NodeText(child), &report->header.week)) {
      report->warnings.push_back("report header: unreadable report_week '" + NodeText(child) + "'");
    }
  } else if (tag == "report_addendum") {
    report->header.addendum = NodeText(child);
  } else {
    report->warnings.push_back("report header: unknown element <" + std::string(tag) +
                               "> ignored");
  }
}

// The (report, order) key must be unique; a repeated order would silently drop an alert.
void RenumberRepeatedOrders(WeeklyReport* report) {
  std::vector<int> seen;
  for (size_t i = 0; i < report->alerts.size(); ++i) {
    Alert& a = report->alerts[i];
    for (int o : seen) {
      if (o == a.order) {
        int fresh = 1;
        for (const Alert& b : report->alerts) fresh = std::max(fresh, b.order + 1);
        report->warnings.push_back(AlertPlace(static_cast<int>(i) + 1, a.case_number) +
                                   ": order " + std::to_string(a.order) +
                                   " repeats; renumbered " + std::to_string(fresh));
        a.order = fresh;
        break;
      }
    }
    seen.push_back(a.order);
  }
}

}  // namespace

Result<WeeklyReport> ParseWeeklyReport(std::string_view xml) {
  // Without the act table every alert would silently lose its acts.
  if (auto acts = internal::BundledActTable(); !acts.ok()) return acts.status();
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    int line = 0, column = 0;
    LineColumn(xml, static_cast<size_t>(parsed.offset), &line, &column);
    return Status::Corruption(std::to_string(line) + ":" + std::to_string(column) +
                              ": malformed XML (" + parsed.description() + ") in " +
                              PlaceOfOffset(xml, static_cast<size_t>(parsed.offset)));
  }
  pugi::xml_node root = doc.document_element();
  if (std::strcmp(root.name(), "Safety-Gate") != 0) {
    return Status::Corruption(std::string("not a Safety Gate weekly report: root element <") +
                              root.name() + ">, expected <Safety-Gate>");
  }
  WeeklyReport report;
  int alert_number = 0;
  bool undated_alerts = false;
  for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (std::string_view(child.name()) != "notifications") {
      ReadHeaderField(child, &report);
      continue;
    }
    undated_alerts = undated_alerts || !report.header.date;
    report.alerts.push_back(ReadAlert(child, ++alert_number, &report));
  }
  if (!report.header.date) {
    return Status::Corruption("report header: report_date '" + report.header.date_text +
                              "' is not a DD/MM/YYYY date; the report cannot be dated");
  }
  // Alerts seen before report_date was read were normalised without a date: redo the acts.
  if (undated_alerts) {
    for (Alert& a : report.alerts) a.acts = FindActs(a.danger, report.header.date);
  }
  RenumberRepeatedOrders(&report);
  return report;
}

}  // namespace eucomply::alerts
