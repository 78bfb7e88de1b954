// train_recogniser: builds the product recogniser (knowledge/recogniser/model.tsv) from the
// Safety Gate weekly reports published before 2024 only; reports of 2024 and later are the
// evaluation split and are never read for training (docs/DESIGN.md, "Product recogniser").
//
//   train_recogniser --reports DIR [--kb DIR] [--out DIR] [--before 2024-01-01]
//                    [--valid-from 2022-07-01] [--epochs 12]
//
// Each alert is one example: the text "<product type>. <name>. <description>" and a label,
// the taxonomy category of its Safety Gate category (categories' `safety_gate:` names),
// refined to the lexicon's category for the product type when that is a kind of it ("Toys" +
// "Plush toy" -> plush_toy). The model is a multinomial logistic regression over the
// features of RecogniserFeatures (include/eucomply/intake.h), trained by SGD in a fixed
// order (reproducible). Reports from --valid-from to --before are held out first to choose
// the temperature (lowest log loss) and to report the calibration at the confidence threshold;
// the final model is then trained on every report before --before with those settings.
// The threshold (--threshold) is chosen on verdicts, not on labels: scripts/tune-recogniser
// trains on reports before 2022-07-01 and measures with tools/eval_intake the status of the
// acts that the alerts of 2022-07-01 to 2023-12-31 name, at each threshold.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "alerts/report_reader.h"
#include "alerts/weekly_report_parser.h"
#include "eucomply/intake.h"
#include "eucomply/kb.h"
#include "kb/recogniser_model.h"
#include "common/weekly_reports.h"

namespace fs = std::filesystem;
using namespace eucomply;

namespace {

struct Example {
  std::vector<std::string> features;
  int label = -1;   // category index
  int branch = -1;  // the Safety Gate category's own taxonomy category
  Date date;
};

// The top-level branch (child of the root) that `c` is under, or c.
int BranchOf(const KnowledgeBase& kb, int c) {
  while (c >= 0) {
    const auto& parents = kb.categories()[c].parent_ids;
    if (parents.empty()) return c;
    int p = kb.FindCategory(parents.front());
    if (p < 0 || kb.categories()[p].parent_ids.empty()) return c;
    c = p;
  }
  return c;
}

struct Model {
  std::vector<int> classes;                     // category per class
  std::unordered_map<int, int> class_of;        // category -> class
  std::unordered_map<std::string, int> vocab;   // feature -> row
  std::vector<std::string> feature_names;
  std::vector<float> w;                         // rows x classes
  std::vector<float> b;
  size_t K() const { return classes.size(); }
};

std::vector<int> Rows(const Model& m, const Example& e) {
  std::vector<int> r;
  for (const auto& f : e.features) {
    auto it = m.vocab.find(f);
    if (it != m.vocab.end()) r.push_back(it->second);
  }
  return r;
}

void Logits(const Model& m, const std::vector<int>& rows, std::vector<double>* z) {
  const size_t K = m.K();
  z->assign(m.b.begin(), m.b.end());
  for (int r : rows) {
    const float* wr = &m.w[static_cast<size_t>(r) * K];
    for (size_t k = 0; k < K; ++k) (*z)[k] += wr[k];
  }
}

void Softmax(std::vector<double>* z, double t) {
  double hi = *std::max_element(z->begin(), z->end());
  double sum = 0;
  for (double& v : *z) {
    v = std::exp((v - hi) / t);
    sum += v;
  }
  for (double& v : *z) v /= sum;
}

// Labels of `train` decide the classes: a category with fewer than `min_examples` examples
// is folded into its parent.
Model Train(const KnowledgeBase& kb, const std::vector<const Example*>& train, int epochs,
            int min_count, int min_examples) {
  Model m;
  std::map<int, int> count;
  for (const Example* e : train) ++count[e->label];
  auto fold = [&](int c) {
    while (c >= 0 && count[c] < min_examples) {
      const auto& parents = kb.categories()[c].parent_ids;
      if (parents.empty()) break;
      int p = kb.FindCategory(parents.front());
      if (p < 0 || kb.categories()[p].parent_ids.empty()) break;
      c = p;
    }
    return c;
  };
  std::map<int, int> folded;
  for (const auto& [c, n] : count) folded[fold(c)] += n;
  for (const auto& [c, n] : folded) {
    m.class_of[c] = static_cast<int>(m.classes.size());
    m.classes.push_back(c);
  }
  std::map<std::string, int> fcount;
  for (const Example* e : train) {
    for (const auto& f : e->features) ++fcount[f];
  }
  for (const auto& [f, n] : fcount) {
    if (n >= min_count) {
      m.vocab[f] = static_cast<int>(m.feature_names.size());
      m.feature_names.push_back(f);
    }
  }
  const size_t K = m.K();
  m.w.assign(m.feature_names.size() * K, 0.0f);
  m.b.assign(K, 0.0f);
  std::vector<std::vector<int>> rows;
  std::vector<int> y;
  for (const Example* e : train) {
    rows.push_back(Rows(m, *e));
    y.push_back(m.class_of.at(fold(e->label)));
  }
  std::vector<size_t> order(rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(20240101);
  const double l2 = 1e-5;
  std::vector<double> z;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    // Fisher-Yates with the generator's raw output: the same order on every machine.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    const double lr = 0.5 / (1.0 + epoch);
    for (size_t idx : order) {
      Logits(m, rows[idx], &z);
      Softmax(&z, 1.0);
      z[y[idx]] -= 1.0;  // gradient of the log loss
      for (size_t k = 0; k < K; ++k) m.b[k] -= static_cast<float>(lr * z[k]);
      for (int r : rows[idx]) {
        float* wr = &m.w[static_cast<size_t>(r) * K];
        for (size_t k = 0; k < K; ++k) wr[k] -= static_cast<float>(lr * (z[k] + l2 * wr[k]));
      }
    }
  }
  return m;
}

struct Scored {
  double p;     // probability of the predicted class
  bool right;   // predicted class's branch == the example's Safety Gate branch
  double nll;
};

std::vector<Scored> Score(const KnowledgeBase& kb, const Model& m,
                          const std::vector<const Example*>& set, double t) {
  std::vector<Scored> out;
  std::vector<double> z;
  for (const Example* e : set) {
    Logits(m, Rows(m, *e), &z);
    Softmax(&z, t);
    size_t best = std::max_element(z.begin(), z.end()) - z.begin();
    double p_label = 1e-12;
    for (size_t k = 0; k < m.K(); ++k) {
      if (kb.IsA(e->label, m.classes[k]) || kb.IsA(m.classes[k], e->label)) p_label += z[k];
    }
    out.push_back({z[best], BranchOf(kb, m.classes[best]) == e->branch, -std::log(std::min(1.0, p_label))});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Builds the product recogniser from Safety Gate reports published before 2024"};
  std::string reports, kb_dir = EUCOMPLY_KNOWLEDGE_DIR, out_dir, before_s = "2024-01-01",
                       valid_s = "2022-07-01";
  int epochs = 12, min_count = 2, min_examples = 8;
  double threshold = 0.50;
  app.add_option("--reports", reports, "Folder of weekly reports (*.xml.gz)")->required();
  app.add_option("--kb", kb_dir, "Knowledge-base folder (taxonomy and lexicon)");
  app.add_option("--out", out_dir, "Where to write model.tsv and model.sha256 (default: <kb>/recogniser)");
  app.add_option("--before", before_s, "Train only on reports dated before this day");
  app.add_option("--valid-from", valid_s, "Hold out reports from this day to --before for calibration");
  app.add_option("--epochs", epochs, "Passes over the training examples");
  app.add_option("--threshold", threshold,
                 "Confidence from which the recogniser names a category (chosen by scripts/tune-recogniser)")
      ->check(CLI::Range(0.05, 0.99));
  CLI11_PARSE(app, argc, argv);
  if (out_dir.empty()) out_dir = kb_dir + "/recogniser";
  auto before = Date::Parse(before_s);
  auto valid_from = Date::Parse(valid_s);
  if (!before || !valid_from || !(*valid_from < *before)) {
    std::cerr << "train_recogniser: --before and --valid-from must be dates, valid-from first\n";
    return 2;
  }
  if (*Date::Parse("2024-01-01") < *before) {
    std::cerr << "train_recogniser: reports of 2024 and later are the evaluation split; --before may not pass 2024-01-01\n";
    return 2;
  }
  auto kb = LoadKnowledgeBase(kb_dir);
  if (!kb.ok()) {
    std::cerr << "train_recogniser: the knowledge base does not load:\n" << kb.status().ToString() << "\n";
    return 1;
  }
  const KnowledgeBase& K = **kb;
  const int other = K.FindCategory("other_product");

  std::vector<Example> examples;
  long n_reports = 0, unmapped = 0, refined = 0;
  std::map<std::string, long> unmapped_names;
  tools::ForEachWeeklyReport(reports, [&](const Date& on, const alerts::WeeklyReport& r) {
    if (!(on < *before)) return;  // the evaluation split is never used
    const alerts::WeeklyReport* report = &r;
    ++n_reports;
    for (const alerts::Alert& a : report->alerts) {
      int branch = K.CategoryForSafetyGate(a.category);
      if (branch < 0) {
        ++unmapped;
        ++unmapped_names[a.category];
        branch = other;
      }
      if (branch < 0) continue;
      Example e;
      e.branch = BranchOf(K, branch);
      e.label = branch;
      for (const Inference& inf : InferFromTextLexiconOnly(K, a.product)) {
        if (inf.attribute == kCategoryAttr && inf.category >= 0 && inf.category != branch &&
            K.IsA(inf.category, branch)) {
          e.label = inf.category;
          ++refined;
        }
      }
      e.features = RecogniserFeatures(K, a.product + ". " + a.name + ". " + a.description);
      e.date = on;
      examples.push_back(std::move(e));
    }
  });
  // Each example once more with only what the lexicon read (L:, A:, P:): a listing in
  // Chinese, or one whose words the reports never used, reaches the model through the
  // bilingual lexicon alone, and its probabilities must be calibrated for that too.
  const size_t n_real = examples.size();
  for (size_t i = 0; i < n_real; ++i) {
    Example lex_only = examples[i];
    lex_only.features.clear();
    for (const auto& f : examples[i].features) {
      if (f.starts_with("L:") || f.starts_with("A:") || f.starts_with("P:")) lex_only.features.push_back(f);
    }
    if (!lex_only.features.empty()) examples.push_back(std::move(lex_only));
  }
  std::vector<const Example*> fit, held, all;
  for (size_t i = 0; i < examples.size(); ++i) {
    const Example& e = examples[i];
    all.push_back(&e);
    if (e.date < *valid_from) fit.push_back(&e);
    else if (i < n_real) held.push_back(&e);  // calibrated on the listings as written
  }
  fmt::print(stderr, "{} reports before {}: {} examples ({} refined by the product type; {} of Safety Gate "
             "categories the taxonomy does not name, as other_product)\n",
             n_reports, before_s, n_real, refined, unmapped);
  if (fit.empty() || held.empty()) {
    std::cerr << "train_recogniser: no examples on one side of --valid-from\n";
    return 1;
  }

  // 1. Calibration on the held-out reports.
  Model m0 = Train(K, fit, epochs, min_count, min_examples);
  double best_t = 1.0, best_nll = 1e300;
  for (double t = 0.5; t <= 3.001; t += 0.1) {
    double nll = 0;
    for (const Scored& s : Score(K, m0, held, t)) nll += s.nll;
    if (nll < best_nll) {
      best_nll = nll;
      best_t = t;
    }
  }
  std::vector<Scored> sc = Score(K, m0, held, best_t);
  long acc = 0, right = 0, right_all = 0;
  for (const Scored& s : sc) {
    right_all += s.right;
    if (s.p >= threshold) {
      ++acc;
      right += s.right;
    }
  }
  // The lexicon's precision: of the held-out alerts whose text the lexicon gives a category,
  // the share where it is on the line of the label or in its Safety Gate branch.
  long lex_n = 0, lex_right = 0;
  for (const Example* e : held) {
    for (const auto& f : e->features) {
      if (!f.starts_with("P:")) continue;
      int c = K.FindCategory(f.substr(2));
      if (c < 0) continue;
      ++lex_n;
      lex_right += K.IsA(c, e->label) || K.IsA(e->label, c) || BranchOf(K, c) == e->branch;
    }
  }
  const double lexicon_precision = lex_n == 0 ? 0.5 : static_cast<double>(lex_right) / lex_n;
  fmt::print(stderr, "lexicon: names a category for {} of {} held-out alerts, on the label's line or branch in {:.1f}%\n",
             lex_n, held.size(), 100 * lexicon_precision);
  // Reliability: in each confidence band, how often the branch was right.
  std::string reliability;
  for (int band = 0; band < 5; ++band) {
    double lo = 0.2 * band, hi = 0.2 * (band + 1);
    long n = 0, r = 0;
    double psum = 0;
    for (const Scored& s : sc) {
      if (s.p >= lo && (s.p < hi || band == 4)) {
        ++n;
        r += s.right;
        psum += s.p;
      }
    }
    if (n > 0) reliability += fmt::format("{}{:.1f}-{:.1f}: n={} mean p={:.3f} right={:.3f}",
                                          reliability.empty() ? "" : "; ", lo, hi, n, psum / n,
                                          static_cast<double>(r) / n);
  }
  fmt::print(stderr, "held out {} examples ({} to {}): temperature {:.1f}, threshold {:.2f}; branch right "
             "{:.1f}% of all, {:.1f}% of the {:.1f}% accepted\n{}\n",
             held.size(), valid_s, before_s, best_t, threshold, 100.0 * right_all / sc.size(),
             100.0 * right / std::max(1L, acc), 100.0 * acc / sc.size(), reliability);

  // 2. The model shipped: every report before --before.
  Model m = Train(K, all, epochs, min_count, min_examples);
  std::string out;
  out += "# eucomply product recogniser: multinomial logistic regression over listing-text features\n";
  out += "# (include/eucomply/intake.h, RecogniserFeatures). Built by scripts/train-recogniser; do not edit:\n";
  out += "# model.sha256 must match. Format: src/kb/recogniser_model.cc.\n";
  out += fmt::format("meta\ttrained_on\tSafety Gate weekly reports dated before {} (../shared/data/safety-gate/weekly-reports)\n", before_s);
  out += "meta\tevaluation_split\treports dated 2024-01-01 and later: never used by the trainer\n";
  out += fmt::format("meta\treports\t{}\n", n_reports);
  out += fmt::format("meta\texamples\t{} alerts, and {} copies with only the lexicon's features\n", n_real, examples.size() - n_real);
  out += fmt::format("meta\tlabels\tSafety Gate category mapped to the taxonomy, refined by the lexicon's category of the product type ({} refined)\n", refined);
  out += fmt::format("meta\tcalibration\theld out {} examples of reports {} to {}: temperature {:.1f}; at threshold {:.2f}, {:.1f}% accepted, branch right in {:.1f}% of them ({:.1f}% of all)\n",
                     held.size(), valid_s, before_s, best_t, threshold, 100.0 * acc / sc.size(),
                     100.0 * right / std::max(1L, acc), 100.0 * right_all / sc.size());
  out += fmt::format("meta\treliability\t{}\n", reliability);
  out += fmt::format("meta\tsettings\tepochs {}, features seen at least {} times, classes with at least {} examples, L2 1e-5, seed 20240101\n",
                     epochs, min_count, min_examples);
  out += fmt::format("temperature\t{:.2f}\n", best_t);
  out += fmt::format("threshold\t{:.2f}\n", threshold);
  out += fmt::format("lexicon_precision\t{:.3f}\n", lexicon_precision);
  out += "classes";
  for (int c : m.classes) out += "\t" + K.categories()[c].id;
  out += "\nbias";
  for (float v : m.b) out += fmt::format("\t{:.4g}", v);
  out += "\n";
  long kept = 0;
  for (size_t r = 0; r < m.feature_names.size(); ++r) {
    std::string line;
    for (size_t k = 0; k < m.K(); ++k) {
      float v = m.w[r * m.K() + k];
      if (std::fabs(v) >= 0.02f) line += fmt::format("\t{}:{:.3g}", k, v);
    }
    const std::string& name = m.feature_names[r];
    if (line.empty() || name.find('\t') != std::string::npos || name.find('\n') != std::string::npos) continue;
    out += "f\t" + name + line + "\n";
    ++kept;
  }
  fs::create_directories(out_dir);
  {
    std::ofstream o(fs::path(out_dir) / "model.tsv", std::ios::binary);
    o << out;
  }
  {
    std::ofstream o(fs::path(out_dir) / "model.sha256");
    o << kb::Sha256Hex(out) << "  model.tsv\n";
  }
  fmt::print(stderr, "wrote {}/model.tsv: {} classes, {} features ({} kept), {} bytes\n", out_dir,
             m.K(), m.feature_names.size(), kept, out.size());
  return 0;
}
