// eval_intake: how well the listing text alone finds the acts that Safety Gate alerts say a
// product failed (issue 11). For every alert that names an act (motor vehicles left out), the
// product is read from "<product type>. <name>. <description>" only (never the risk text),
// assessed as of the report date, and the status of each named act is counted. Alerts of
// reports dated before 2024 are the training split, 2024-2026 the evaluation split; both are
// reported, per act.
//
//   eval_intake --reports DIR [--kb DIR] [--split train|eval|both] [--cases FILE.tsv]
//               [--zh FILE.tsv] [--dump FILE.tsv]
//
// --cases writes one line per (alert, act) with the status, the category found and the text,
// for reading the mistakes. --zh evaluates a Chinese listing set instead: a TSV of
// case_number, celex, date (YYYY-MM-DD), title. --dump writes the alerts counted, one per line:
// case_number, celexes (comma-separated), report date, Safety Gate category, listing text.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "alerts/report_reader.h"
#include "alerts/weekly_report_parser.h"
#include "eucomply/engine.h"
#include "eucomply/intake.h"
#include "eucomply/kb.h"
#include "common/weekly_reports.h"

namespace fs = std::filesystem;
using namespace eucomply;

namespace {

struct Tally {
  long n = 0;
  long applies = 0, undetermined = 0, not_applicable = 0, other = 0;
  void Add(VerdictStatus s) {
    ++n;
    switch (s) {
      case VerdictStatus::kApplies: ++applies; break;
      case VerdictStatus::kUndetermined: ++undetermined; break;
      case VerdictStatus::kNotApplicable: ++not_applicable; break;
      default: ++other; break;
    }
  }
};

struct Split {
  std::map<std::string, Tally> per_act;  // act title
  Tally all;
  long alerts = 0;
  long not_in_kb = 0;
};

double Pct(long a, long n) { return n == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(n); }

void Print(const std::string& title, const Split& s) {
  fmt::print("\n## {}: {} alerts, {} act citations ({} of acts not in the knowledge base, left out)\n\n",
             title, s.alerts, s.all.n, s.not_in_kb);
  fmt::print("| act | citations | applies | undetermined | wrong (not_applicable) | other |\n");
  fmt::print("|---|---|---|---|---|---|\n");
  auto row = [](const std::string& name, const Tally& t) {
    fmt::print("| {} | {} | {:.1f}% | {:.1f}% | {:.1f}% | {:.1f}% |\n", name, t.n, Pct(t.applies, t.n),
               Pct(t.undetermined, t.n), Pct(t.not_applicable, t.n), Pct(t.other, t.n));
  };
  row("all", s.all);
  std::vector<std::pair<std::string, Tally>> acts(s.per_act.begin(), s.per_act.end());
  std::sort(acts.begin(), acts.end(), [](const auto& a, const auto& b) { return a.second.n > b.second.n; });
  for (const auto& [name, t] : acts) {
    if (t.n >= 10) row(name, t);
  }
}

struct Evaluator {
  const KnowledgeBase& kb;
  std::ofstream* cases = nullptr;
  Assessment scratch;

  // Assesses `text` as of `on` and counts the status of each act in `celexes`.
  void Count(const std::string& id, const std::string& text, Date on,
             const std::vector<std::string>& celexes, Split* split) {
    Product p = Product::Empty(kb);
    ApplyTextIntake(kb, text, &p);
    AssessOptions opts;
    opts.as_of = on;
    opts.obligations = false;
    opts.explain = false;
    Assess(kb, p, opts, &scratch);
    ++split->alerts;
    std::vector<int> seen;
    for (const std::string& celex : celexes) {
      int act = kb.FindAct(celex);
      if (act < 0) {
        ++split->not_in_kb;
        continue;
      }
      if (std::find(seen.begin(), seen.end(), act) != seen.end()) continue;
      seen.push_back(act);
      VerdictStatus s = scratch.acts[act].status;
      split->all.Add(s);
      split->per_act[kb.acts()[act].title.en].Add(s);
      if (cases != nullptr) {
        *cases << id << '\t' << kb.acts()[act].short_name << '\t' << VerdictStatusName(s) << '\t'
               << (p.category >= 0 ? kb.categories()[p.category].id : std::string("-")) << '\t'
               << text << '\n';
      }
    }
  }
};

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Status of the acts Safety Gate alerts name, from the listing text alone"};
  std::string reports, kb_dir = EUCOMPLY_KNOWLEDGE_DIR, split_name = "both", cases_path, zh_path,
      dump_path;
  app.add_option("--reports", reports, "Folder of weekly reports (*.xml.gz)");
  app.add_option("--kb", kb_dir, "Knowledge-base folder");
  app.add_option("--split", split_name, "train (before 2024), eval (2024-2026) or both")
      ->check(CLI::IsMember({"train", "eval", "both"}));
  app.add_option("--cases", cases_path, "Write one TSV line per alert and act");
  app.add_option("--zh", zh_path, "Evaluate a Chinese listing set (TSV: case, celex, date, title)");
  std::string explain;
  app.add_option("--explain", explain, "Print the recogniser's features and guesses for one text");
  app.add_option("--dump", dump_path, "Write the alerts counted (TSV: case, celexes, date, category, text)");
  std::string from_s;
  app.add_option("--from", from_s,
                 "Count only reports dated on or after this day (a tuning window of the training split, "
                 "for a model trained with train_recogniser --before that day)");
  CLI11_PARSE(app, argc, argv);
  std::optional<Date> from;
  if (!from_s.empty()) {
    from = Date::Parse(from_s);
    if (!from) {
      std::cerr << "eval_intake: --from: not a date (YYYY-MM-DD): " << from_s << "\n";
      return 2;
    }
  }

  auto kb = LoadKnowledgeBase(kb_dir);
  if (!kb.ok()) {
    std::cerr << "eval_intake: the knowledge base does not load:\n" << kb.status().ToString() << "\n";
    return 1;
  }
  if (!explain.empty()) {
    const KnowledgeBase& K = **kb;
    for (const std::string& f : RecogniserFeatures(K, explain)) fmt::print("{} ", f);
    fmt::print("\n");
    for (const CategoryGuess& g : RecogniseCategory(K, explain)) {
      if (g.p >= 0.01) fmt::print("  {:.3f} {}\n", g.p, K.categories()[g.category].id);
    }
    for (const Inference& inf : InferFromText(K, explain)) {
      if (inf.attribute != kCategoryAttr) continue;
      fmt::print("category: {} ({:.2f}) [{}]", inf.category >= 0 ? K.categories()[inf.category].id : "-",
                 inf.confidence, inf.evidence);
      for (const auto& [c, p] : inf.candidates) fmt::print(" candidate {} {:.2f}", K.categories()[c].id, p);
      fmt::print("\n");
    }
    return 0;
  }
  std::ofstream cases;
  Evaluator ev{**kb, nullptr, {}};
  if (!cases_path.empty()) {
    cases.open(cases_path);
    ev.cases = &cases;
  }

  if (!zh_path.empty()) {
    std::ifstream in(zh_path);
    if (!in) {
      std::cerr << "eval_intake: cannot read " << zh_path << "\n";
      return 1;
    }
    Split zh;
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
      ++lineno;
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f;
      std::stringstream ss(line);
      std::string x;
      while (std::getline(ss, x, '\t')) f.push_back(x);
      if (f.size() < 4) {
        std::cerr << zh_path << ":" << lineno << ": expected 4 tab-separated columns\n";
        return 1;
      }
      std::optional<Date> d = Date::Parse(f[2]);
      if (!d) {
        std::cerr << zh_path << ":" << lineno << ":3: not a date (YYYY-MM-DD): " << f[2] << "\n";
        return 1;
      }
      std::vector<std::string> celexes;
      std::stringstream cs(f[1]);
      while (std::getline(cs, x, ',')) celexes.push_back(x);
      ev.Count(f[0], f[3], *d, celexes, &zh);
    }
    Print("Chinese listings", zh);
    return 0;
  }

  if (reports.empty()) {
    std::cerr << "eval_intake: --reports DIR is required (../shared/data/safety-gate/weekly-reports)\n";
    return 2;
  }
  const Date cut = *Date::Parse("2024-01-01");
  std::ofstream dump;
  if (!dump_path.empty()) dump.open(dump_path);
  Split train, eval;
  tools::ForEachWeeklyReport(reports, [&](const Date& on, const alerts::WeeklyReport& r) {
    const alerts::WeeklyReport* report = &r;
    const bool is_eval = !(on < cut);
    if ((is_eval && split_name == "train") || (!is_eval && split_name == "eval")) return;
    if (from && on < *from) return;
    for (const alerts::Alert& a : report->alerts) {
      if (a.acts.empty() || a.category == "Motor vehicles") continue;
      std::vector<std::string> celexes;
      for (const alerts::ActReference& r : a.acts) celexes.push_back(r.celex);
      std::string text = OneLine(a.product + ". " + a.name + ". " + a.description);
      ev.Count(a.case_number, text, on, celexes, is_eval ? &eval : &train);
      if (dump.is_open()) {
        std::string joined;
        for (const std::string& c : celexes) joined += (joined.empty() ? "" : ",") + c;
        dump << a.case_number << '\t' << joined << '\t' << on.ToString() << '\t' << a.category << '\t'
             << text << '\n';
      }
    }
  });
  if (split_name != "eval") Print("Training split (reports before 2024)", train);
  if (split_name != "train") Print("Evaluation split (reports of 2024-2026)", eval);
  return 0;
}
