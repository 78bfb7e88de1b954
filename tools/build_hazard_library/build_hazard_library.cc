// Builds knowledge/risk/suggestions.yaml from the Safety Gate weekly reports published before
// 2024 (the training split; 2024-2026 is never read for building), and measures it on the
// evaluation split (--eval). Run by hand: scripts/build-hazard-library.
//
// Build: each alert is labelled with a taxonomy category as the recogniser's training labels
// are (its Safety Gate category, refined by the lexicon's category of its product type). Its
// risk types become hazards of knowledge/risk/hazards.yaml: among the hazards of a risk type,
// those whose cues occur in the alert's risk text, else the risk type's default hazard. Each
// category (and every ancestor) counts its alerts per hazard; a hazard named by at least 5% of
// a category's alerts (and by 2 alerts or more) is suggested, most frequent first.
//
// Eval: for the 20 product types with the most alerts of 2024-2026 (motor vehicles left out),
// the category is read from the listing text alone ("<type>. <name>. <description>") by the
// text intake, its suggestions are looked up, and every risk type the alert names counts as
// covered when a suggested hazard carries it. Prints the share covered, per type and overall.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>

#include "common/weekly_reports.h"
#include "eucomply/engine.h"
#include "eucomply/intake.h"
#include "eucomply/kb.h"
#include "eucomply/risk.h"
#include "eucomply/text.h"

using namespace eucomply;

namespace {

const Date kSplit = *Date::Parse("2024-01-01");

std::vector<std::string> HazardsOf(const risk::HazardLibrary& lib, const alerts::Alert& a) {
  const std::string danger = AsciiLower(a.danger);
  std::vector<std::string> out;
  auto add = [&](const std::string& h) {
    if (std::find(out.begin(), out.end(), h) == out.end()) out.push_back(h);
  };
  for (const std::string& t : a.risks) {
    bool cued = false;
    for (const risk::Hazard& h : lib.hazards()) {
      if (std::find(h.safety_gate.begin(), h.safety_gate.end(), t) == h.safety_gate.end()) continue;
      for (const std::string& c : h.cues) {
        if (danger.find(c) != std::string::npos) {
          add(h.id);
          cued = true;
          break;
        }
      }
    }
    if (cued) continue;
    for (const risk::Hazard& h : lib.hazards()) {
      if (std::find(h.default_for.begin(), h.default_for.end(), t) != h.default_for.end()) add(h.id);
    }
  }
  return out;
}

int Label(const KnowledgeBase& K, const alerts::Alert& a) {
  int branch = K.CategoryForSafetyGate(a.category);
  if (branch < 0) return K.FindCategory("other_product");
  int label = branch;
  for (const Inference& inf : InferFromTextLexiconOnly(K, a.product)) {
    if (inf.attribute == kCategoryAttr && inf.category >= 0 && inf.category != branch &&
        K.IsA(inf.category, branch)) {
      label = inf.category;
    }
  }
  return label;
}

std::string YamlQuote(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    o += c;
  }
  return o + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Build or measure the hazard library's suggestions from Safety Gate reports"};
  std::string reports = std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/../../shared/data/safety-gate/weekly-reports";
  std::string kb_dir = EUCOMPLY_KNOWLEDGE_DIR;
  std::string out = std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/risk/suggestions.yaml";
  bool eval = false;
  int top = 20;
  app.add_option("--reports", reports, "Folder of weekly reports (report_*.xml.gz)");
  app.add_option("--kb", kb_dir, "Knowledge base folder");
  app.add_option("--out", out, "Where to write suggestions.yaml (build mode)");
  app.add_flag("--eval", eval, "Measure the suggestions on the 2024-2026 alerts instead");
  app.add_option("--top", top, "Product types measured (eval mode)");
  CLI11_PARSE(app, argc, argv);

  auto kb = LoadKnowledgeBase(kb_dir);
  if (!kb.ok()) {
    std::cerr << "build_hazard_library: the knowledge base does not load:\n" << kb.status().ToString() << "\n";
    return 1;
  }
  const KnowledgeBase& K = **kb;
  auto lib = risk::LoadHazardLibrary(K, kb_dir + "/risk");
  if (!lib.ok()) {
    std::cerr << "build_hazard_library: the hazard library does not load:\n" << lib.status().ToString() << "\n";
    return 1;
  }
  const risk::HazardLibrary& L = **lib;

  if (!eval) {
    struct Count {
      int alerts = 0;
      std::map<std::string, int> hazards;
      std::map<std::string, std::vector<std::pair<std::string, std::string>>> examples;  // (date, case)
    };
    std::map<int, Count> counts;
    long n = 0;
    std::string first, last;
    tools::ForEachWeeklyReport(reports, [&](const Date& on, const alerts::WeeklyReport& r) {
      if (!(on < kSplit)) return;  // the evaluation split is never used for building
      const std::string day = on.ToString();  // reports are not read in date order
      if (first.empty() || day < first) first = day;
      if (last.empty() || day > last) last = day;
      for (const alerts::Alert& a : r.alerts) {
        if (a.category == "Motor vehicles") continue;
        const int label = Label(K, a);
        if (label < 0) continue;
        std::vector<std::string> hz = HazardsOf(L, a);
        ++n;
        for (int c = 0; c < static_cast<int>(K.categories().size()); ++c) {
          if (!K.IsA(label, c)) continue;
          Count& ct = counts[c];
          ++ct.alerts;
          for (const std::string& h : hz) {
            ++ct.hazards[h];
            auto& ex = ct.examples[h];
            ex.push_back({day, a.case_number});
            std::sort(ex.begin(), ex.end(), std::greater<>());
            if (ex.size() > 3) ex.pop_back();  // the three most recent
          }
        }
      }
    });
    std::ofstream f(out);
    f << "# Generated by tools/build_hazard_library (scripts/build-hazard-library); do not edit.\n"
         "# For each taxonomy category: how many Safety Gate alerts published before 2024 it has\n"
         "# (motor vehicles left out), and the hazards (hazards.yaml) those alerts named, with\n"
         "# the three latest case numbers as examples. The evaluation split (2024-2026) is never\n"
         "# read to build this file.\n";
    f << "basis: safety_gate_history\n";
    f << fmt::format("meta: {{split: \"reports published before 2024-01-01\", first_report: \"{}\", last_report: \"{}\", alerts: {}, min_share: 0.05, min_alerts: 2}}\n", first, last, n);
    f << "categories:\n";
    for (const auto& [c, ct] : counts) {
      std::vector<std::pair<int, std::string>> hz;
      for (const auto& [h, k] : ct.hazards) {
        if (k >= 2 && k >= 0.05 * ct.alerts) hz.push_back({k, h});
      }
      if (hz.empty()) continue;
      std::sort(hz.begin(), hz.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      f << "  - category: " << K.categories()[c].id << "\n    alerts: " << ct.alerts << "\n    hazards:\n";
      for (const auto& [k, h] : hz) {
        std::string ex;
        for (const auto& [day, e] : ct.examples.at(h)) ex += (ex.empty() ? "" : ", ") + YamlQuote(e);
        f << fmt::format("      - {{hazard: {}, alerts: {}, share: {:.3f}, examples: [{}]}}\n", h, k,
                         static_cast<double>(k) / ct.alerts, ex);
      }
    }
    std::cerr << fmt::format("build_hazard_library: {} alerts before 2024, {} categories -> {}\n", n, counts.size(), out);
    return 0;
  }

  // Eval: the 20 product types with most alerts of 2024-2026.
  struct Case {
    std::string text;
    std::vector<std::string> risks;
    std::vector<std::string> hazards;  // the alert's risk types as hazards, read as in build mode
  };
  std::map<std::string, std::vector<Case>> by_type;
  tools::ForEachWeeklyReport(reports, [&](const Date& on, const alerts::WeeklyReport& r) {
    if (on < kSplit) return;
    for (const alerts::Alert& a : r.alerts) {
      if (a.category == "Motor vehicles" || a.product.empty() || a.risks.empty()) continue;
      by_type[a.product].push_back({a.product + ". " + a.name + ". " + a.description, a.risks, HazardsOf(L, a)});
    }
  });
  std::vector<std::pair<size_t, std::string>> types;
  for (const auto& [t, v] : by_type) types.push_back({v.size(), t});
  std::sort(types.begin(), types.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (static_cast<int>(types.size()) > top) types.resize(top);
  long all_named = 0, all_covered = 0, all_alerts = 0, all_full = 0, all_hnamed = 0, all_hcovered = 0;
  fmt::print("| product type | alerts | risk types named | covered | alerts fully covered | hazards named | covered |\n|---|---|---|---|---|---|---|\n");
  for (const auto& [count, type] : types) {
    long named = 0, covered = 0, full = 0, hnamed = 0, hcovered = 0;
    for (const Case& c : by_type[type]) {
      Product p = Product::Empty(K);
      ApplyTextIntake(K, c.text, &p);
      std::set<std::string> carried, suggested;
      for (const risk::Suggestion* s : risk::SuggestHazards(K, L, p.category)) {
        suggested.insert(s->hazard);
        if (const risk::Hazard* h = L.FindHazard(s->hazard)) carried.insert(h->safety_gate.begin(), h->safety_gate.end());
      }
      for (const std::string& h : c.hazards) {
        ++hnamed;
        hcovered += suggested.count(h) > 0;
      }
      bool all = true;
      for (const std::string& t : c.risks) {
        ++named;
        if (carried.count(t)) ++covered;
        else all = false;
      }
      full += all;
    }
    all_named += named;
    all_covered += covered;
    all_alerts += static_cast<long>(count);
    all_full += full;
    all_hnamed += hnamed;
    all_hcovered += hcovered;
    fmt::print("| {} | {} | {} | {:.1f}% | {:.1f}% | {} | {:.1f}% |\n", type, count, named, 100.0 * covered / std::max(1L, named),
               100.0 * full / std::max<size_t>(1, count), hnamed, 100.0 * hcovered / std::max(1L, hnamed));
  }
  fmt::print("| all {} types | {} | {} | {:.1f}% | {:.1f}% | {} | {:.1f}% |\n", types.size(), all_alerts, all_named,
             100.0 * all_covered / std::max(1L, all_named), 100.0 * all_full / std::max(1L, all_alerts), all_hnamed,
             100.0 * all_hcovered / std::max(1L, all_hnamed));
  return 0;
}
