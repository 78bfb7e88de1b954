#include "alerts/lessons.h"
#include "alerts/normalise.h"
#include "alerts/vocabulary.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "alerts/search.h"
#include "eucomply/messages.h"
#include "eucomply/text.h"

namespace eucomply::alerts {
namespace {

Lang LangOf(const LessonsOptions& options) { return options.zh ? Lang::kZh : Lang::kEn; }

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

// The search words of a product: its first 16 distinct content words.
std::string LessonsQuery(const ProductQuery& product) {
  std::vector<std::string> words;
  for (const std::string& w : ContentWords(product.name + " " + product.description)) {
    if (std::find(words.begin(), words.end(), w) == words.end() && words.size() < 16) {
      words.push_back(w);
    }
  }
  std::string query;
  for (const std::string& w : words) query += (query.empty() ? "" : " ") + w;
  return query;
}

std::string CategoryScope(const ProductQuery& product, const std::string& query) {
  std::string scope = "alerts in ";
  if (product.safety_gate_categories.empty()) {
    scope += "any category";
  } else {
    scope += "Safety Gate categor" + std::string(product.safety_gate_categories.size() > 1 ? "ies " : "y ");
    std::string names;
    for (const std::string& c : product.safety_gate_categories) names += (names.empty() ? "" : ", ") + c;
    scope += names;
  }
  return scope + (query.empty() ? ", most recent first" : ", ranked by similarity to the product's words");
}

// The alerts like the product, widening when none match: its words in its category, then
// its words in any category, then the newest alerts of its category. `scope` says which.
Result<SearchResponse> FindSimilar(AlertSearcher& searcher, const ProductQuery& product,
                                   const std::string& query, int limit, std::string* scope) {
  SearchRequest req;
  req.text = query;
  req.match_any = true;
  req.exact_rank = true;  // a handful of lessons queries: ranking quality over speed
  req.limit = limit;
  req.facet_limit = 1;
  req.filters[static_cast<size_t>(Facet::kCategory)] = product.safety_gate_categories;
  // Exact category names only: a substring match ("Toys" in "Other - Toys") would widen it.
  Result<SearchResponse> r = searcher.Search(req);
  if (!r.ok()) return r.status();
  *scope = CategoryScope(product, query);
  if (r->total == 0 && !product.safety_gate_categories.empty() && !query.empty()) {
    req.filters[static_cast<size_t>(Facet::kCategory)].clear();
    r = searcher.Search(req);
    if (!r.ok()) return r.status();
    *scope = "alerts in any category (none in the product's category matched its words), "
             "ranked by similarity";
  }
  if (r->total == 0 && !product.safety_gate_categories.empty()) {
    req.text.clear();
    req.filters[static_cast<size_t>(Facet::kCategory)] = product.safety_gate_categories;
    r = searcher.Search(req);
    if (!r.ok()) return r.status();
    *scope = "the most recent alerts in the product's Safety Gate category";
  }
  return r;
}

SimilarAlert SimilarAlertOf(const StoredAlert& full, const SearchHit& h) {
  const Alert& a = full.alert;
  SimilarAlert s;
  s.case_number = a.case_number;
  s.report_date = full.report_date;
  s.category = a.category;
  s.title = a.product;
  if (!a.name.empty()) s.title += (s.title.empty() ? "" : " — ") + a.name;
  if (s.title.empty()) s.title = a.description.substr(0, 80);
  s.level = a.level;
  s.url = PortalUrl(a.reference);
  s.risks = a.risks;
  s.score = h.score;
  return s;
}

// What the similar alerts have in common, counted alert by alert.
class AlertTallies {
 public:
  explicit AlertTallies(const LessonsOptions& options) : options_(options) {}

  void Add(const Alert& a) {
    const Vocabulary* vocabulary = options_.vocabulary;
    for (const std::string& x : a.risks) {
      risks_.Add(x, vocabulary ? vocabulary->Translate(x, options_.zh) : x, a.case_number);
    }
    for (const std::string& x : a.standards) standards_.Add(x, x, a.case_number);
    // Acts named at the time are counted under the act in force now, which is named with them.
    for (const ActReference& x : a.acts) {
      const ActReference now = CurrentAct(x.celex);
      std::string name = options_.act_name ? options_.act_name(now.celex) : "";
      if (name.empty()) name = now.name;
      acts_.Add(now.celex, name + " (" + now.celex + ")", a.case_number);
      if (now.celex != x.celex) named_then_[now.celex].insert(x.celex);
    }
    std::set<std::string> ms;
    for (const Measure& m : a.measures) {
      if (!m.category.empty() && ms.insert(m.category).second) {
        measures_.Add(m.category, vocabulary ? vocabulary->TranslateMeasure(m.category, options_.zh) : m.category,
                      a.case_number);
      }
    }
    // Recurring findings: the vocabulary's defect phrases the risk text names.
    // Read in the sentences that state a finding, not those that give the legal conclusion.
    if (vocabulary) {
      std::set<const Finding*> found;
      for (const std::string& sentence : Findings(a.danger)) {
        for (const Finding* f : vocabulary->FindingsIn(sentence)) found.insert(f);
      }
      for (const Finding& f : vocabulary->findings()) {
        if (found.count(&f)) defects_.Add(f.id, options_.zh ? f.zh : f.en, a.case_number);
      }
    }
  }

  void TopInto(Lessons* l) const {
    const int top = options_.top;
    l->risks = risks_.Top(top, 1);
    l->standards = standards_.Top(top, 1);
    l->acts = acts_.Top(top, 1);
    for (Tally& t : l->acts) {
      auto it = named_then_.find(t.key);
      if (it == named_then_.end()) continue;
      std::string old;
      for (const std::string& c : it->second) old += (old.empty() ? "" : ", ") + c;
      t.label += MsgF("lessons.older_alerts", LangOf(options_), old);
    }
    l->defects = defects_.Top(top, 2);
    l->measures = measures_.Top(top, 1);
  }

 private:
  const LessonsOptions& options_;
  Counter risks_, standards_, acts_, defects_, measures_;
  std::map<std::string, std::set<std::string>> named_then_;  // current act -> older CELEX named
};

void AddChecklist(const LessonsOptions& options, Lessons* l) {
  std::map<std::string, std::string> url_of;
  for (const SimilarAlert& s : l->alerts) url_of.emplace(s.case_number, s.url);
  const Lang lang = LangOf(options);
  const size_t n_alerts = l->alerts.size();
  // Each line is the catalogue's wording with the label, its count and the number of alerts.
  auto items = [&](const std::vector<Tally>& tallies, const char* wording) {
    for (const Tally& t : tallies) {
      ChecklistItem c;
      c.text = MsgF(wording, lang, t.label, t.count, n_alerts);
      c.cases = t.cases;
      for (const std::string& k : t.cases) c.urls.push_back(url_of[k]);
      l->checklist.push_back(std::move(c));
    }
  };
  items(l->standards, "lessons.check.standard");
  items(l->acts, "lessons.check.act");
  items(l->risks, "lessons.check.risk");
  items(l->defects, "lessons.check.defect");
}

}  // namespace

ProductQuery ProductQueryFor(const KnowledgeBase& kb, const Product& product) {
  ProductQuery q;
  q.name = product.name;
  q.description = product.description;
  if (product.category < 0 || product.category >= static_cast<int>(kb.categories().size())) {
    return q;
  }
  q.category = kb.categories()[product.category].id;
  // Breadth-first up the (multi-parent) taxonomy: the nearest level with names wins.
  std::vector<int> level = {product.category};
  std::set<int> seen;
  while (!level.empty() && q.safety_gate_categories.empty()) {
    std::vector<int> next;
    for (int c : level) {
      if (c < 0 || !seen.insert(c).second) continue;
      const Category& cat = kb.categories()[c];
      for (const std::string& n : cat.safety_gate) {
        if (std::find(q.safety_gate_categories.begin(), q.safety_gate_categories.end(), n) ==
            q.safety_gate_categories.end()) {
          q.safety_gate_categories.push_back(n);
        }
      }
      for (const std::string& p : cat.parent_ids) next.push_back(kb.FindCategory(p));
    }
    level = std::move(next);
  }
  return q;
}

Result<ProductQuery> LoadProductQuery(const std::string& path, const std::string& kb_dir) {
  Result<std::shared_ptr<const KnowledgeBase>> kb = LoadKnowledgeBase(kb_dir);
  if (!kb.ok()) {
    return Status(kb.status().code(), "knowledge base " + kb_dir + ":\n" + kb.status().ToString());
  }
  Result<Product> product = LoadProductFile(**kb, path);
  if (!product.ok()) return product.status();
  return ProductQueryFor(**kb, *product);
}

Result<Lessons> LearnLessons(AlertStore& store, const ProductQuery& product,
                             const LessonsOptions& options) {
  AlertSearcher searcher(&store);
  return LearnLessons(store, searcher, product, options);
}

Result<Lessons> LearnLessons(AlertStore& store, AlertSearcher& searcher,
                             const ProductQuery& product, const LessonsOptions& options) {
  Lessons l;
  l.product = product;
  l.query = LessonsQuery(product);
  Result<SearchResponse> r = FindSimilar(searcher, product, l.query, options.similar_alerts, &l.scope);
  if (!r.ok()) return r.status();
  l.matching = r->total;
  AlertTallies tallies(options);
  for (const SearchHit& h : r->hits) {
    Result<StoredAlert> full = store.Get(h.id);
    if (!full.ok()) return full.status();
    l.alerts.push_back(SimilarAlertOf(*full, h));
    tallies.Add(full->alert);
  }
  tallies.TopInto(&l);
  AddChecklist(options, &l);
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
