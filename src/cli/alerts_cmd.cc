// `eucomply alerts ...`: import, update, search, show, stats and lessons over the Safety
// Gate alert store in --data DIR (alerts.sqlite). Argument handling and output only; the
// work is done by src/alerts.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "alerts/alerts_json.h"
#include "alerts/importer.h"
#include "alerts/lessons.h"
#include "alerts/search.h"
#include "alerts/vocabulary.h"
#include "alerts/store.h"
#include "alerts/update.h"
#include "cli/commands.h"

namespace eucomply::cli {
namespace {

namespace al = eucomply::alerts;
using nlohmann::json;

struct CommonOptions {
  std::string data = DefaultDataDir();
  std::string format = "text";
  bool json() const { return format == "json"; }
};

void AddCommon(CLI::App* cmd, CommonOptions* o) {
  cmd->add_option("--data", o->data, "Data folder holding alerts.sqlite (default: $EUCOMPLY_DATA or ./eucomply-data)");
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}));
}

std::unique_ptr<al::AlertStore> OpenStore(const CommonOptions& o, Context& ctx, bool create) {
  std::error_code ec;
  std::filesystem::path dir(o.data);
  std::filesystem::path db = dir / "alerts.sqlite";
  if (!create && !std::filesystem::exists(db, ec)) {
    std::cerr << "eucomply alerts: no alert store in " << o.data
              << " (run `eucomply alerts import PATH...` or `eucomply alerts update` first)\n";
    ctx.exit_code = 2;
    return nullptr;
  }
  if (create) std::filesystem::create_directories(dir, ec);
  Result<std::unique_ptr<al::AlertStore>> store = al::AlertStore::Open(db.string());
  if (!store.ok()) {
    std::cerr << "eucomply alerts: " << store.status().ToString() << "\n";
    ctx.exit_code = 1;
    return nullptr;
  }
  return std::move(store).value();
}

// A one-line progress bar on stderr, drawn only when stderr is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(std::string label) : label_(std::move(label)), tty_(isatty(2) != 0) {}
  ~ProgressBar() { Finish(); }
  void Update(size_t done, size_t total, const std::string& note) {
    if (!tty_ || total == 0) return;
    constexpr int kWidth = 30;
    int filled = static_cast<int>(kWidth * done / total);
    std::fprintf(stderr, "\r%s [%s%s] %zu/%zu %s\x1b[K", label_.c_str(),
                 std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(kWidth - filled), ' ').c_str(), done, total,
                 note.c_str());
    std::fflush(stderr);
    drawn_ = true;
  }
  void Finish() {
    if (drawn_) std::fputs("\n", stderr);
    drawn_ = false;
  }

 private:
  std::string label_;
  bool tty_;
  bool drawn_ = false;
};

// Runs an import or an update behind a progress bar. Prints its warnings, and on failure
// its error (exit code 1, nullopt).
template <typename Summary, typename Step>
std::optional<Summary> WithProgress(const char* name, Context& ctx, Step step) {
  ProgressBar bar(name);
  auto on_progress = [&bar](const al::ImportProgress& p) {
    bar.Update(p.done, p.total, std::to_string(p.alerts_added) + " alerts added");
  };
  Result<Summary> s = step(on_progress);
  bar.Finish();
  if (!s.ok()) {
    std::cerr << "eucomply alerts " << name << ": " << s.status().ToString() << "\n";
    ctx.exit_code = 1;
    return std::nullopt;
  }
  for (const std::string& w : s->warnings) std::cerr << "warning: " << w << "\n";
  return std::move(s).value();
}

// An import or an update: opens the store, runs `step(store, on_progress)` behind a progress
// bar, prints its warnings and errors, then `report(summary, store)`; the exit code is 1 when
// it fails or when any file failed.
template <typename Summary, typename Step, typename Report>
void RunIngest(const CommonOptions& common, Context& ctx, const char* name, const char* error_suffix,
               Step step, Report report) {
  auto store = OpenStore(common, ctx, true);
  if (!store) return;
  auto s = WithProgress<Summary>(name, ctx, [&](const auto& on_progress) { return step(*store, on_progress); });
  if (!s) return;
  for (const std::string& e : s->errors) std::cerr << "error: " << e << error_suffix << "\n";
  report(*s, *store);
  if (s->failed > 0) ctx.exit_code = 1;
}

// The search's answer, or nullopt after printing why it failed (exit code 1).
std::optional<al::SearchResponse> SearchOrSay(al::AlertStore* store, const al::SearchRequest& req,
                                              const char* command, Context& ctx) {
  al::AlertSearcher searcher(store);
  Result<al::SearchResponse> r = searcher.Search(req);
  if (!r.ok()) {
    std::cerr << "eucomply alerts " << command << ": " << r.status().ToString() << "\n";
    ctx.exit_code = 1;
    return std::nullopt;
  }
  return std::move(r).value();
}

void PrintAlertText(const al::StoredAlert& s) {
  const al::Alert& a = s.alert;
  auto line = [](const char* label, const std::string& v) {
    if (!v.empty()) std::cout << "  " << label << ": " << v << "\n";
  };
  std::cout << a.case_number << "  (report " << s.report_date << ", " << s.report_year << " week "
            << s.report_week << ", order " << a.order << ")\n";
  const std::pair<const char*, const std::string*> fields[] = {
      {"URL", &a.reference}, {"Category", &a.category}, {"Product", &a.product},
      {"Brand", &a.brand},   {"Name", &a.name},         {"Model", &a.model},
      {"Batch", &a.batch}};
  for (const auto& [label, value] : fields) line(label, *value);
  if (!a.barcodes.empty()) {
    std::string codes;
    for (const al::Barcode& b : a.barcodes) {
      if (!codes.empty()) codes += ", ";
      codes += b.digits + (b.valid ? "" : " (check digit invalid)");
    }
    line("Barcode", codes);
  }
  std::string risks;
  for (const std::string& r : a.risks) risks += (risks.empty() ? "" : ", ") + r;
  line("Risk types", risks);
  line("Level", a.level);
  line("Risk", a.danger);
  std::string acts;
  for (const al::ActReference& r : a.acts) {
    acts += (acts.empty() ? "" : "; ") + r.name + " (CELEX " + r.celex + ")";
  }
  line("Acts", acts);
  std::string stds;
  for (const std::string& x : a.standards) stds += (stds.empty() ? "" : ", ") + x;
  line("Standards", stds);
  line("Description", a.description);
  for (const al::Measure& m : a.measures) {
    std::cout << "  Measure: " << m.category << " — "
              << (m.ordered ? "ordered to " : "taken by ") << m.operator_type << ", "
              << (m.date ? m.date->ToString() : m.date_text) << "\n";
  }
  line("Notifying country", a.notifying_country);
  line("Country of origin", a.country_of_origin);
  line("For", a.user_type);
  line("Online trader", a.online_trader);
  line("Recall URL", a.url_recall);
  line("Production dates", a.production_dates);
  for (const std::string& p : a.pictures) line("Picture", p);
}

struct FilterOptions {
  std::vector<std::string> category, risk, origin, notifying, level, act, standard;
  std::optional<int> from, to;

  void Add(CLI::App* cmd) {
    cmd->add_option("--category", category, "Category (repeatable)");
    cmd->add_option("--risk", risk, "Risk type (repeatable)");
    cmd->add_option("--origin", origin, "Country of origin (repeatable; 'china' matches)");
    cmd->add_option("--notifying", notifying, "Notifying country (repeatable)");
    cmd->add_option("--level", level, "Risk level, e.g. 'serious' (repeatable)");
    cmd->add_option("--act", act, "Referenced act: CELEX number or name (repeatable)");
    cmd->add_option("--standard", standard, "Referenced standard, e.g. 'EN 71-1' (repeatable)");
    cmd->add_option("--from", from, "First year (report date)");
    cmd->add_option("--to", to, "Last year (report date)");
  }
  void Apply(al::SearchRequest* r) const {
    r->filters[static_cast<size_t>(al::Facet::kCategory)] = category;
    r->filters[static_cast<size_t>(al::Facet::kRisk)] = risk;
    r->filters[static_cast<size_t>(al::Facet::kOrigin)] = origin;
    r->filters[static_cast<size_t>(al::Facet::kNotifying)] = notifying;
    r->filters[static_cast<size_t>(al::Facet::kLevel)] = level;
    r->filters[static_cast<size_t>(al::Facet::kAct)] = act;
    r->filters[static_cast<size_t>(al::Facet::kStandard)] = standard;
    r->year_from = from;
    r->year_to = to;
  }
};

// A subcommand of `alerts` and its options, with the options they all take (--data, --json)
// in Opts::common; the options outlive the parse (the callback holds them).
template <typename Opts>
std::pair<CLI::App*, std::shared_ptr<Opts>> AddSubcommand(CLI::App& alerts, const char* name,
                                                         const char* about) {
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = alerts.add_subcommand(name, about);
  AddCommon(cmd, &o->common);
  return {cmd, o};
}

void AddImport(CLI::App& alerts, Context& ctx) {
  struct Opts {
    CommonOptions common;
    std::vector<std::string> paths;
    int threads = 2;
  };
  auto [cmd, o] = AddSubcommand<Opts>(alerts, "import", "Import weekly-report XML files (gzip or plain) or folders of them");
  cmd->add_option("PATH", o->paths, "Files or folders")->required();
  cmd->add_option("--threads", o->threads, "Parse threads (default 2)");
  cmd->callback([o, &ctx] {
    RunIngest<al::ImportSummary>(
        o->common, ctx, "import", " (file skipped)",
        [o](al::AlertStore& store, const auto& on_progress) {
          return al::ImportPaths(store, o->paths, {.on_progress = on_progress, .parse_threads = o->threads});
        },
        [o](const al::ImportSummary& s, al::AlertStore& store) {
          Result<int64_t> total = store.AlertCount();
          if (o->common.json()) {
            std::cout << json{{"files", s.files},         {"imported", s.imported},
                              {"unchanged", s.unchanged}, {"failed", s.failed},
                              {"alerts_added", s.alerts_added},
                              {"alerts_total", total.ok() ? *total : -1},
                              {"errors", s.errors},       {"warnings", s.warnings}}
                             .dump(2)
                      << "\n";
          } else {
            std::cout << s.files << " files: " << s.imported << " imported, " << s.unchanged
                      << " unchanged, " << s.failed << " failed; " << s.alerts_added
                      << " alerts added, " << (total.ok() ? *total : -1) << " in store\n";
          }
        });
  });
}

// Writes every hit as CSV or XLSX to `output` (through a temporary file, renamed when
// complete), or CSV to standard output; the exit code.
int ExportHits(const std::vector<al::SearchHit>& hits, bool xlsx, const std::string& output) {
  std::string data;
  if (xlsx) {
    auto x = HitsXlsx(hits);
    if (!x.ok()) {
      std::cerr << "eucomply alerts search: " << x.status().ToString() << "\n";
      return 1;
    }
    data = std::move(*x);
  } else {
    data = HitsCsv(hits);
  }
  if (output.empty()) {
    std::cout << data;
    return 0;
  }
  const std::string tmp = output + ".tmp";
  std::ofstream f(tmp, std::ios::binary);
  f << data;
  f.close();
  if (!f || std::rename(tmp.c_str(), output.c_str()) != 0) {
    std::cerr << "eucomply alerts search: cannot write " << output << "\n";
    return 1;
  }
  std::cerr << "eucomply alerts search: " << hits.size() << " alerts written to " << output << "\n";
  return 0;
}

void PrintHits(const al::SearchResponse& r, const al::SearchRequest& req) {
  std::cout << r.total << " alerts match";
  if (!r.hits.empty()) {
    std::cout << " (showing " << req.offset + 1 << "-" << req.offset + static_cast<int>(r.hits.size())
              << ")";
  }
  std::cout << "\n";
  for (const al::SearchHit& h : r.hits) {
    std::string title = h.product;
    if (!h.name.empty()) title += (title.empty() ? "" : " — ") + h.name;
    if (!h.brand.empty()) title += " [" + h.brand + "]";
    if (title.empty()) title = h.description.substr(0, 80);
    std::cout << "  " << h.case_number << "  " << h.report_date << "  " << h.category << ": "
              << title << "\n      risk: " << h.risk_type << "; origin: " << h.country_of_origin
              << "; " << h.level << "\n      " << h.reference << "\n";
  }
  for (al::Facet f : al::kAllFacets) {
    const auto& values = r.facets[static_cast<size_t>(f)];
    if (values.empty()) continue;
    std::cout << al::FacetName(f) << ":";
    size_t shown = 0;
    for (const al::FacetCount& c : values) {
      if (shown++ == 8) {
        std::cout << " ...";
        break;
      }
      std::cout << (shown == 1 ? " " : ", ") << c.label << " " << c.count;
    }
    std::cout << "\n";
  }
}

void AddSearch(CLI::App& alerts, Context& ctx) {
  struct Opts {
    CommonOptions common;
    FilterOptions filters;
    std::vector<std::string> words;
    int limit = 20;
    int offset = 0;
    bool any = false;
    bool csv = false;
    bool xlsx = false;
    std::string output;
  };
  auto [cmd, o] = AddSubcommand<Opts>(alerts, "search", "Full-text search with filters and facet counts");
  o->filters.Add(cmd);
  cmd->add_option("QUERY", o->words, "Words, \"phrases\", prefix*, or a barcode");
  cmd->add_option("--limit", o->limit, "Hits to show (default 20)");
  cmd->add_option("--offset", o->offset, "Hits to skip");
  cmd->add_flag("--any", o->any, "Match any word instead of all");
  cmd->add_flag("--csv", o->csv, "Export every match as CSV (to -o FILE, or standard output)");
  cmd->add_flag("--xlsx", o->xlsx, "Export every match as an XLSX workbook (to -o FILE)");
  cmd->add_option("-o,--output", o->output, "With --csv or --xlsx: the file to write");
  cmd->callback([o, &ctx] {
    auto store = OpenStore(o->common, ctx, false);
    if (!store) return;
    al::SearchRequest req;
    for (const std::string& w : o->words) req.text += (req.text.empty() ? "" : " ") + w;
    const bool exporting = o->csv || o->xlsx;
    if (o->xlsx && o->output.empty()) {
      std::cerr << "eucomply alerts search: --xlsx needs -o FILE\n";
      ctx.exit_code = 2;
      return;
    }
    req.limit = exporting ? (1 << 30) : o->limit;
    req.offset = exporting ? 0 : o->offset;
    req.match_any = o->any;
    o->filters.Apply(&req);
    std::optional<al::SearchResponse> r = SearchOrSay(store.get(), req, "search", ctx);
    if (!r) return;
    if (o->xlsx || o->csv) {
      ctx.exit_code = ExportHits(r->hits, o->xlsx, o->output);
      return;
    }
    if (o->common.json()) {
      json hits = json::array();
      for (const al::SearchHit& h : r->hits) hits.push_back(HitJson(h));
      std::cout << json{{"query", req.text}, {"total", r->total}, {"hits", hits},
                        {"facets", FacetsJson(*r)}}
                       .dump(2)
                << "\n";
      return;
    }
    PrintHits(*r, req);
  });
}

void AddShow(CLI::App& alerts, Context& ctx) {
  struct Opts {
    CommonOptions common;
    std::string case_number;
  };
  auto [cmd, o] = AddSubcommand<Opts>(alerts, "show", "Show every alert with a case number");
  cmd->add_option("CASE", o->case_number, "Case number, e.g. SR/02275/26 or 0259/06")->required();
  cmd->callback([o, &ctx] {
    auto store = OpenStore(o->common, ctx, false);
    if (!store) return;
    Result<std::vector<al::StoredAlert>> found = store->FindByCase(o->case_number);
    if (!found.ok()) {
      std::cerr << "eucomply alerts show: " << found.status().ToString() << "\n";
      ctx.exit_code = 1;
      return;
    }
    if (found->empty()) {
      std::cerr << "eucomply alerts show: no alert with case number " << o->case_number << "\n";
      ctx.exit_code = 1;
      return;
    }
    if (o->common.json()) {
      json all = json::array();
      for (const al::StoredAlert& a : *found) all.push_back(AlertJson(a));
      std::cout << all.dump(2) << "\n";
      return;
    }
    if (found->size() > 1) {
      std::cout << "Case number " << o->case_number << " was notified " << found->size()
                << " times:\n\n";
    }
    for (const al::StoredAlert& a : *found) {
      PrintAlertText(a);
      std::cout << "\n";
    }
  });
}

void AddStats(CLI::App& alerts, Context& ctx) {
  struct Opts {
    CommonOptions common;
    FilterOptions filters;
    std::string by;
    int limit = 0;
  };
  auto [cmd, o] = AddSubcommand<Opts>(alerts, "stats", "Alert counts by facet");
  o->filters.Add(cmd);
  cmd->add_option("--by", o->by, "category|risk|origin|notifying|level|year|act|standard");
  cmd->add_option("--limit", o->limit, "Values to show (default all with --by, 10 without)");
  cmd->callback([o, &ctx] {
    std::optional<al::Facet> by;
    if (!o->by.empty()) {
      by = al::FacetFromName(o->by);
      if (!by) {
        std::cerr << "eucomply alerts stats: unknown --by '" << o->by
                  << "' (category, risk, origin, notifying, level, year, act, standard)\n";
        ctx.exit_code = 2;
        return;
      }
    }
    auto store = OpenStore(o->common, ctx, false);
    if (!store) return;
    al::SearchRequest req;
    req.limit = 0;
    req.facet_limit = by ? o->limit : (o->limit > 0 ? o->limit : 10);
    o->filters.Apply(&req);
    std::optional<al::SearchResponse> r = SearchOrSay(store.get(), req, "stats", ctx);
    if (!r) return;
    if (o->common.json()) {
      json out{{"total", r->total}};
      json facets = FacetsJson(*r);
      out["facets"] = by ? json{{al::FacetName(*by), facets[al::FacetName(*by)]}} : facets;
      std::cout << out.dump(2) << "\n";
      return;
    }
    std::cout << r->total << " alerts\n";
    for (al::Facet f : al::kAllFacets) {
      if (by && f != *by) continue;
      std::cout << "\nby " << al::FacetName(f) << ":\n";
      for (const al::FacetCount& c : r->facets[static_cast<size_t>(f)]) {
        std::printf("  %8lld  %s\n", static_cast<long long>(c.count), c.label.c_str());
      }
    }
  });
}

void AddUpdate(CLI::App& alerts, Context& ctx) {
  struct Opts {
    CommonOptions common;
    std::string source = al::kDefaultSource;
    int retries = 4;
    double timeout = 60;
  };
  auto [cmd, o] = AddSubcommand<Opts>(alerts, "update", "Download and import the weekly reports not yet imported (Commission endpoint)");
  cmd->add_option("--source", o->source, "Base URL of the weekly-report API")->capture_default_str();
  cmd->add_option("--retries", o->retries, "Attempts per download (default 4)");
  cmd->add_option("--timeout", o->timeout, "Seconds per request (default 60)");
  cmd->callback([o, &ctx] {
    RunIngest<al::UpdateSummary>(
        o->common, ctx, "update", "",
        [o](al::AlertStore& store, const auto& on_progress) {
          return al::UpdateFromSource(store, {.source = o->source,
                                              .attempts = o->retries,
                                              .timeout_seconds = o->timeout,
                                              .on_progress = on_progress});
        },
        [o](const al::UpdateSummary& s, al::AlertStore&) {
          if (o->common.json()) {
            std::cout << json{{"listed", s.listed},
                              {"already_imported", s.already_imported},
                              {"downloaded", s.downloaded},
                              {"failed", s.failed},
                              {"alerts_added", s.alerts_added},
                              {"errors", s.errors}}
                             .dump(2)
                      << "\n";
          } else {
            std::cout << s.listed << " reports listed, " << s.already_imported
                      << " already imported, " << s.downloaded << " downloaded, " << s.failed
                      << " failed; " << s.alerts_added << " alerts added\n";
          }
        });
  });
}

void AddLessons(CLI::App& alerts, Context& ctx) {
  struct Opts {
    CommonOptions common;
    std::string product, kb = DefaultKnowledgeDir(), lang = "en";
    int alerts = 25;
  };
  auto [cmd, o] = AddSubcommand<Opts>(alerts, "lessons", "Past alerts like a product, as a pre-shipment test checklist");
  cmd->add_option("PRODUCT", o->product, "Product YAML (the input of `eucomply assess`)")->required();
  cmd->add_option("--alerts", o->alerts, "Similar alerts to learn from (default 25)");
  cmd->add_option("--kb", o->kb, "Knowledge-base folder (for the category's Safety Gate names)");
  cmd->add_option("--lang", o->lang, "Language of the lessons: en or zh")->check(CLI::IsMember({"en", "zh"}));
  cmd->callback([o, &ctx] {
    Result<al::ProductQuery> product = al::LoadProductQuery(o->product, o->kb);
    if (!product.ok()) {
      std::cerr << "eucomply alerts lessons: " << product.status().ToString() << "\n";
      ctx.exit_code = 2;
      return;
    }
    auto store = OpenStore(o->common, ctx, false);
    if (!store) return;
    al::LessonsOptions opts;
    opts.similar_alerts = o->alerts;
    // The bilingual vocabulary of the knowledge base: recurring findings, Chinese lessons.
    std::shared_ptr<const al::Vocabulary> vocabulary;
    if (auto v = al::LoadVocabulary(o->kb + "/alerts/vocabulary.yaml"); v.ok()) vocabulary = *v;
    opts.vocabulary = vocabulary.get();
    opts.zh = o->lang == "zh";
    Result<al::Lessons> l = al::LearnLessons(*store, *product, opts);
    if (!l.ok()) {
      std::cerr << "eucomply alerts lessons: " << l.status().ToString() << "\n";
      ctx.exit_code = 1;
      return;
    }
    if (o->common.json()) {
      std::cout << al::LessonsToJson(*l).dump(2) << "\n";
    } else {
      std::cout << al::LessonsToText(*l);
    }
  });
}

}  // namespace

void AddAlertsCommands(CLI::App& app, Context& ctx) {
  CLI::App* alerts = app.add_subcommand("alerts", "EU Safety Gate alerts: import, search, lessons");
  alerts->require_subcommand(1);
  AddImport(*alerts, ctx);
  AddUpdate(*alerts, ctx);
  AddSearch(*alerts, ctx);
  AddShow(*alerts, ctx);
  AddStats(*alerts, ctx);
  AddLessons(*alerts, ctx);
}

}  // namespace eucomply::cli
