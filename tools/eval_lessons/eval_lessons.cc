// eval_lessons: how relevant the "similar alerts" of the lessons are (issue 14). The store
// holds the alerts of 2024-2026 only (the evaluation split). For 50 product types chosen
// across the Safety Gate categories (the most frequent types of each category in turn, motor
// vehicles left out), the product is read from its type alone, as a seller would describe it
// ("Power bank"), through the engine's text intake and the category's Safety Gate names, and
// LearnLessons picks 25 similar alerts. An alert is "the same kind of product" when its
// product type names the query type's head word (the last word: "bank" of "Power bank",
// plural or singular). Prints the share per type and on average.
//
//   eval_lessons [--reports DIR] [--types 50] [--alerts 25]
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <set>

#include "alerts/lessons.h"
#include "alerts/store.h"
#include "alerts/vocabulary.h"
#include "common/weekly_reports.h"
#include "eucomply/intake.h"
#include "eucomply/kb.h"
#include "eucomply/text.h"

using namespace eucomply;

namespace {

std::string Head(const std::string& type) {
  std::string t = AsciiLower(type);
  size_t end = t.find_first_of(",(/");
  if (end != std::string::npos) t = t.substr(0, end);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  size_t sp = t.rfind(' ');
  std::string h = sp == std::string::npos ? t : t.substr(sp + 1);
  while (!h.empty() && !std::isalnum(static_cast<unsigned char>(h.back()))) h.pop_back();
  if (h.size() > 3 && h.back() == 's') h.pop_back();
  return h;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Relevance of the similar alerts of the lessons, on the 2024-2026 alerts"};
  std::string reports = std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/../../shared/data/safety-gate/weekly-reports";
  int ntypes = 50, nalerts = 25;
  app.add_option("--reports", reports, "Folder of weekly reports");
  app.add_option("--types", ntypes, "Product types measured");
  app.add_option("--alerts", nalerts, "Similar alerts per type");
  CLI11_PARSE(app, argc, argv);

  auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  if (!kb.ok()) return std::cerr << kb.status().ToString() << "\n", 1;
  auto vocab = alerts::LoadVocabulary(std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/alerts/vocabulary.yaml");
  auto store = alerts::AlertStore::Open(":memory:");
  if (!store.ok()) return std::cerr << store.status().ToString() << "\n", 1;
  const Date split = *Date::Parse("2024-01-01");
  std::map<std::string, std::map<std::string, int>> types;  // category -> type -> alerts
  tools::ForEachWeeklyReport(reports, [&](const Date& on, const alerts::WeeklyReport& r) {
    if (on < split) return;
    alerts::ReportSource src;
    src.origin = "eval";
    src.fingerprint = on.ToString() + std::to_string(r.alerts.size()) + (r.alerts.empty() ? "" : r.alerts[0].case_number);
    (void)(*store)->AddReport(r, src);
    for (const alerts::Alert& a : r.alerts) {
      if (a.category != "Motor vehicles" && !a.product.empty()) ++types[a.category][a.product];
    }
  });
  // Round-robin over the categories (most alerts first), each category's types by count.
  std::vector<std::pair<int, std::string>> cats;
  std::map<std::string, std::vector<std::pair<int, std::string>>> by_cat;
  for (auto& [c, m] : types) {
    int n = 0;
    for (auto& [t, k] : m) {
      by_cat[c].push_back({k, t});
      n += k;
    }
    std::sort(by_cat[c].rbegin(), by_cat[c].rend());
    cats.push_back({n, c});
  }
  std::sort(cats.rbegin(), cats.rend());
  std::vector<std::pair<std::string, std::string>> chosen;  // (category, type)
  std::set<std::string> heads;
  for (size_t round = 0; static_cast<int>(chosen.size()) < ntypes && round < 20; ++round) {
    for (const auto& [n, c] : cats) {
      if (static_cast<int>(chosen.size()) >= ntypes) break;
      if (round < by_cat[c].size() && by_cat[c][round].first >= 5 && heads.insert(Head(by_cat[c][round].second)).second) {
        chosen.push_back({c, by_cat[c][round].second});
      }
    }
  }
  fmt::print("| product type | Safety Gate category | category read | same kind of 25 |\n|---|---|---|---|\n");
  double sum = 0;
  for (const auto& [cat, type] : chosen) {
    Product p = Product::Empty(**kb);
    ApplyTextIntake(**kb, type, &p);
    if (p.name.empty()) p.name = type;
    alerts::ProductQuery q = alerts::ProductQueryFor(**kb, p);
    alerts::LessonsOptions o;
    o.similar_alerts = nalerts;
    o.vocabulary = vocab.ok() ? vocab->get() : nullptr;
    auto l = alerts::LearnLessons(**store, q, o);
    if (!l.ok()) return std::cerr << l.status().ToString() << "\n", 1;
    const std::string head = Head(type);
    int same = 0;
    for (const alerts::SimilarAlert& s : l->alerts) {
      std::string t = AsciiLower(s.title);
      same += t.find(head) != std::string::npos;
    }
    const double share = l->alerts.empty() ? 0 : static_cast<double>(same) / l->alerts.size();
    sum += share;
    fmt::print("| {} | {} | {} | {:.0f}% |\n", type, cat, q.category.empty() ? "-" : q.category, 100 * share);
  }
  fmt::print("| average of {} types | | | {:.1f}% |\n", chosen.size(), 100 * sum / std::max<size_t>(1, chosen.size()));
  return 0;
}
