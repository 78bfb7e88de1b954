#include "alerts/lessons.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "alerts/search.h"
#include "eucomply/text.h"

namespace eucomply::alerts {
namespace fs = std::filesystem;

namespace {

const std::unordered_set<std::string>& StopWords() {
  static const std::unordered_set<std::string> kWords = {
      "the",  "and",   "for",   "with",  "from", "that", "this", "are",  "was",   "were",
      "has",  "have",  "had",   "not",   "but",  "can",  "could", "may",  "might", "will",
      "its",  "our",   "your",  "their", "they", "them", "which", "when", "where", "there",
      "also", "into",  "than",  "then",  "been", "being", "such", "each", "other", "some",
      "any",  "all",   "one",   "two",   "three", "made", "make", "used", "use",  "using",
      "very", "more",  "most",  "only",  "over", "under", "about", "per",  "via",  "new",
      "product", "products", "model", "models", "type", "item", "items", "set", "pcs", "pack",
      "colour", "color", "size", "sizes", "different", "various", "included", "includes",
      "inch", "cm", "mm", "kg", "ml", "brand", "design", "style", "high", "quality"};
  return kWords;
}

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 3 && StopWords().count(word) == 0 &&
        !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      out.push_back(word);
    }
    word.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      word.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// Sentences of a risk description that state a finding, not the legal conclusion.
std::vector<std::string> Findings(std::string_view danger) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < danger.size()) {
    size_t end = danger.find(". ", start);
    if (end == std::string_view::npos) end = danger.size();
    std::string s(Trim(danger.substr(start, end - start)));
    start = end + 2;
    std::string lower = AsciiLower(s);
    if (s.empty() || lower.find("does not comply") != std::string::npos ||
        lower.find("do not comply") != std::string::npos ||
        lower.find("directive") != std::string::npos ||
        lower.find("regulation") != std::string::npos) {
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

struct Counter {
  std::map<std::string, Tally> tallies;
  void Add(const std::string& key, const std::string& label, const std::string& case_number) {
    Tally& t = tallies[key];
    t.key = key;
    t.label = label;
    ++t.count;
    if (t.cases.size() < 5) t.cases.push_back(case_number);
  }
  std::vector<Tally> Top(int n, int min_count) const {
    std::vector<Tally> v;
    for (const auto& [k, t] : tallies) {
      if (t.count >= min_count) v.push_back(t);
    }
    std::sort(v.begin(), v.end(), [](const Tally& a, const Tally& b) {
      return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    if (v.size() > static_cast<size_t>(n)) v.resize(static_cast<size_t>(n));
    return v;
  }
};

std::string ScalarOr(const YAML::Node& n, const char* key) {
  if (n && n.IsMap() && n[key] && n[key].IsScalar()) return n[key].as<std::string>();
  return "";
}

}  // namespace

Result<ProductQuery> LoadProductQuery(const std::string& path, const std::string& kb_dir) {
  ProductQuery q;
  YAML::Node doc;
  try {
    doc = YAML::LoadFile(path);  // JSON is YAML too
  } catch (const YAML::BadFile&) {
    return Status::NotFound(path + ": cannot read product file");
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                                   std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  YAML::Node product = doc["product"] ? doc["product"] : doc;
  q.name = ScalarOr(product, "name");
  q.description = ScalarOr(product, "description");
  q.category = ScalarOr(product, "category");
  if (q.name.empty() && q.description.empty() && q.category.empty()) {
    return Status::InvalidArgument(path + ": the product has no name, description or category");
  }
  if (q.category.empty()) return q;

  // The category's safety_gate names, inherited from the nearest ancestor that has some.
  std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> cats;
  std::error_code ec;
  for (fs::directory_iterator it(fs::path(kb_dir) / "categories", ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() != ".yaml") continue;
    try {
      YAML::Node file = YAML::LoadFile(it->path().string());
      for (const YAML::Node& c : file["categories"]) {
        std::string id = ScalarOr(c, "id");
        std::vector<std::string> parents, names;
        if (c["parent"] && c["parent"].IsScalar()) parents.push_back(c["parent"].as<std::string>());
        if (c["parent"] && c["parent"].IsSequence()) {
          for (const YAML::Node& p : c["parent"]) parents.push_back(p.as<std::string>());
        }
        if (c["parents"] && c["parents"].IsSequence()) {
          for (const YAML::Node& p : c["parents"]) parents.push_back(p.as<std::string>());
        }
        if (c["safety_gate"] && c["safety_gate"].IsSequence()) {
          for (const YAML::Node& s : c["safety_gate"]) names.push_back(s.as<std::string>());
        }
        if (!id.empty()) cats[id] = {parents, names};
      }
    } catch (const YAML::Exception& e) {
      return Status::Corruption(it->path().string() + ":" + std::to_string(e.mark.line + 1) +
                                ":" + std::to_string(e.mark.column + 1) + ": " + e.msg);
    }
  }
  if (cats.find(q.category) == cats.end()) {
    return Status::InvalidArgument(path + ": unknown category '" + q.category +
                                   "' (not in " + kb_dir + "/categories)");
  }
  std::vector<std::string> frontier = {q.category};
  std::set<std::string> seen;
  while (!frontier.empty() && q.safety_gate_categories.empty()) {
    std::vector<std::string> next;
    for (const std::string& id : frontier) {
      if (!seen.insert(id).second) continue;
      auto it = cats.find(id);
      if (it == cats.end()) continue;
      for (const std::string& n : it->second.second) {
        if (std::find(q.safety_gate_categories.begin(), q.safety_gate_categories.end(), n) ==
            q.safety_gate_categories.end()) {
          q.safety_gate_categories.push_back(n);
        }
      }
      for (const std::string& p : it->second.first) next.push_back(p);
    }
    frontier = std::move(next);
  }
  return q;
}

Result<Lessons> LearnLessons(AlertStore& store, const ProductQuery& product,
                             const LessonsOptions& options) {
  Lessons l;
  l.product = product;
  std::vector<std::string> words;
  for (const std::string& w : ContentWords(product.name + " " + product.description)) {
    if (std::find(words.begin(), words.end(), w) == words.end() && words.size() < 16) {
      words.push_back(w);
    }
  }
  for (const std::string& w : words) l.query += (l.query.empty() ? "" : " ") + w;

  AlertSearcher searcher(&store);
  SearchRequest req;
  req.text = l.query;
  req.match_any = true;
  req.exact_rank = true;  // a handful of lessons queries: ranking quality over speed
  req.limit = options.similar_alerts;
  req.facet_limit = 1;
  req.filters[static_cast<size_t>(Facet::kCategory)] = product.safety_gate_categories;
  // Exact category names only: a substring match ("Toys" in "Other - Toys") would widen it.
  Result<SearchResponse> r = searcher.Search(req);
  if (!r.ok()) return r.status();
  l.scope = "alerts in " +
            (product.safety_gate_categories.empty()
                 ? std::string("any category")
                 : "Safety Gate categor" +
                       std::string(product.safety_gate_categories.size() > 1 ? "ies " : "y ") +
                       [&] {
                         std::string s;
                         for (const std::string& c : product.safety_gate_categories) {
                           s += (s.empty() ? "" : ", ") + c;
                         }
                         return s;
                       }()) +
            (l.query.empty() ? ", most recent first" : ", ranked by similarity to the product's words");
  if (r->total == 0 && !product.safety_gate_categories.empty() && !l.query.empty()) {
    req.filters[static_cast<size_t>(Facet::kCategory)].clear();
    r = searcher.Search(req);
    if (!r.ok()) return r.status();
    l.scope = "alerts in any category (none in the product's category matched its words), "
              "ranked by similarity";
  }
  if (r->total == 0 && !product.safety_gate_categories.empty()) {
    req.text.clear();
    req.filters[static_cast<size_t>(Facet::kCategory)] = product.safety_gate_categories;
    r = searcher.Search(req);
    if (!r.ok()) return r.status();
    l.scope = "the most recent alerts in the product's Safety Gate category";
  }
  l.matching = r->total;

  Counter risks, standards, acts, defects, measures;
  for (const SearchHit& h : r->hits) {
    Result<StoredAlert> full = store.Get(h.id);
    if (!full.ok()) return full.status();
    const Alert& a = full->alert;
    SimilarAlert s;
    s.case_number = a.case_number;
    s.report_date = full->report_date;
    s.category = a.category;
    s.title = a.product;
    if (!a.name.empty()) s.title += (s.title.empty() ? "" : " — ") + a.name;
    if (s.title.empty()) s.title = a.description.substr(0, 80);
    s.level = a.level;
    s.url = a.reference;
    s.risks = a.risks;
    s.score = h.score;
    l.alerts.push_back(s);
    for (const std::string& x : a.risks) risks.Add(x, x, a.case_number);
    for (const std::string& x : a.standards) standards.Add(x, x, a.case_number);
    for (const ActReference& x : a.acts) acts.Add(x.celex, x.name + " (" + x.celex + ")", a.case_number);
    std::set<std::string> ms;
    for (const Measure& m : a.measures) {
      if (!m.category.empty() && ms.insert(m.category).second) measures.Add(m.category, m.category, a.case_number);
    }
    std::set<std::string> pairs;
    for (const std::string& sentence : Findings(a.danger)) {
      std::vector<std::string> w = ContentWords(sentence);
      for (size_t i = 0; i + 1 < w.size(); ++i) pairs.insert(w[i] + " " + w[i + 1]);
    }
    for (const std::string& p : pairs) defects.Add(p, p, a.case_number);
  }
  l.risks = risks.Top(options.top, 1);
  l.standards = standards.Top(options.top, 1);
  l.acts = acts.Top(options.top, 1);
  l.defects = defects.Top(options.top, 2);
  l.measures = measures.Top(options.top, 1);

  std::map<std::string, std::string> url_of;
  for (const SimilarAlert& s : l.alerts) url_of.emplace(s.case_number, s.url);
  const std::string of_n = " of " + std::to_string(l.alerts.size()) + " similar alerts";
  auto item = [&](std::string text, const Tally& t) {
    ChecklistItem c;
    c.text = std::move(text);
    c.cases = t.cases;
    for (const std::string& k : t.cases) c.urls.push_back(url_of[k]);
    l.checklist.push_back(std::move(c));
  };
  for (const Tally& t : l.standards) {
    item("Test to " + t.label + " (cited as not met in " + std::to_string(t.count) + of_n + ")", t);
  }
  for (const Tally& t : l.acts) {
    item("Confirm conformity with the " + t.label + " (named in " + std::to_string(t.count) + of_n +
             ")",
         t);
  }
  for (const Tally& t : l.risks) {
    item("Assess the '" + t.label + "' risk (" + std::to_string(t.count) + of_n + ")", t);
  }
  for (const Tally& t : l.defects) {
    item("Inspect for the recurring finding \"" + t.label + "\" (" + std::to_string(t.count) + of_n +
             ")",
         t);
  }
  return l;
}

nlohmann::json LessonsToJson(const Lessons& l) {
  using nlohmann::json;
  auto tallies = [](const std::vector<Tally>& v) {
    json a = json::array();
    for (const Tally& t : v) {
      a.push_back(json{{"key", t.key}, {"label", t.label}, {"count", t.count}, {"cases", t.cases}});
    }
    return a;
  };
  json alerts = json::array();
  for (const SimilarAlert& s : l.alerts) {
    alerts.push_back(json{{"case_number", s.case_number}, {"report_date", s.report_date},
                          {"category", s.category},       {"title", s.title},
                          {"level", s.level},             {"risks", s.risks},
                          {"url", s.url},                 {"score", s.score}});
  }
  json checklist = json::array();
  for (const ChecklistItem& c : l.checklist) {
    checklist.push_back(json{{"text", c.text}, {"cases", c.cases}, {"urls", c.urls}});
  }
  return json{{"product",
               {{"name", l.product.name},
                {"category", l.product.category},
                {"safety_gate_categories", l.product.safety_gate_categories}}},
              {"query", l.query},
              {"scope", l.scope},
              {"matching", l.matching},
              {"alerts", alerts},
              {"risks", tallies(l.risks)},
              {"standards", tallies(l.standards)},
              {"acts", tallies(l.acts)},
              {"defects", tallies(l.defects)},
              {"measures", tallies(l.measures)},
              {"checklist", checklist}};
}

std::string LessonsToText(const Lessons& l) {
  std::ostringstream o;
  o << "Lessons from Safety Gate for: " << (l.product.name.empty() ? l.product.category : l.product.name)
    << "\n";
  o << "Based on " << l.alerts.size() << " of " << l.matching << " matching " << l.scope << ".\n";
  auto list = [&](const char* title, const std::vector<Tally>& v) {
    if (v.empty()) return;
    o << "\n" << title << ":\n";
    for (const Tally& t : v) o << "  " << t.count << "  " << t.label << "\n";
  };
  list("Typical risks", l.risks);
  list("Standards most often cited as not met", l.standards);
  list("Acts most often cited", l.acts);
  list("Recurring findings", l.defects);
  list("Measures taken", l.measures);
  if (!l.checklist.empty()) {
    o << "\nPre-shipment test checklist:\n";
    for (const ChecklistItem& c : l.checklist) {
      o << "  [ ] " << c.text << "\n";
      for (size_t i = 0; i < c.cases.size() && i < 3; ++i) {
        o << "        " << c.cases[i] << "  " << c.urls[i] << "\n";
      }
    }
  }
  if (!l.alerts.empty()) {
    o << "\nSimilar alerts:\n";
    for (const SimilarAlert& s : l.alerts) {
      o << "  " << s.case_number << "  " << s.report_date << "  " << s.category << ": " << s.title
        << "\n      " << s.url << "\n";
    }
  }
  return o.str();
}

}  // namespace eucomply::alerts
