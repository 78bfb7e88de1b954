// `eucomply kb standards ...` and `eucomply kb standard REF`: the harmonised-standard lists
// (knowledge/standards/harmonised), imported from EUR-Lex decisions and queried as of a date.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "eucomply/harmonised.h"
#include "eucomply/kb.h"

namespace eucomply::cli {
namespace {

namespace hs = eucomply::standards;

struct StdArgs {
  std::string kb_dir;
  std::vector<std::string> dirs;
  std::string out;
  std::string act, as_of, q, ref, format = "text", from, to;
  bool check = false;
};

std::string ListsDir(const StdArgs& a) {
  return (a.kb_dir.empty() ? DefaultKnowledgeDir() : a.kb_dir) + "/standards/harmonised";
}

// An act given as CELEX or a short name of the knowledge base ("LVD").
// The harmonised-standard lists of the knowledge base, or nullopt after printing why not.
std::optional<std::map<std::string, hs::ActList>> LoadListsOrSay(const StdArgs& a) {
  auto lists = hs::LoadLists(ListsDir(a));
  if (!lists.ok()) {
    std::cerr << lists.status().ToString() << "\n";
    return std::nullopt;
  }
  return std::move(lists).value();
}

std::string ResolveAct(const StdArgs& a, const std::string& act) {
  if (act.empty()) return "";
  auto kb = LoadKnowledgeBase(a.kb_dir.empty() ? DefaultKnowledgeDir() : a.kb_dir);
  if (kb.ok()) {
    int i = (*kb)->FindAct(act);
    if (i >= 0) return (*kb)->acts()[i].celex;
  }
  return act;
}

std::string RowText(const std::map<std::string, hs::ActList>& lists, const hs::ListedStandard& s, const Date& d) {
  std::string o = fmt::format("{} {}{}  {}", s.act, s.part.empty() ? "" : "part " + s.part + " ", "row " + s.number, s.ref);
  if (!s.amendments.empty()) o += " (+ " + std::to_string(s.amendments.size()) + " amendments/corrigenda)";
  o += "\n    " + s.title;
  o += fmt::format("\n    printed by {}{}", s.printed_by.empty() ? "a C-series communication" : s.printed_by,
                   s.from ? " (OJ " + s.from->ToString() + ")" : "");
  const std::string st = hs::StateOn(lists, s, d);
  if (s.until) o += fmt::format("; presumption until {} ({})", s.until->ToString(), s.until_by);
  if (!s.supersedes.empty()) o += "; supersedes " + s.supersedes;
  if (!s.superseded_by.empty()) o += "; superseded by " + s.superseded_by;
  o += "; on " + d.ToString() + ": " + st;
  for (const std::string& n : s.notes) o += "\n    " + n.substr(0, 300) + (n.size() > 300 ? "…" : "");
  return o + "\n";
}

int RunImport(const StdArgs& a) {
  auto r = hs::ImportFolders(a.dirs);
  if (!r.ok()) {
    std::cerr << "eucomply kb standards import: " << r.status().ToString() << "\n";
    return 1;
  }
  const Date today = a.as_of.empty() ? Date::Today() : *Date::Parse(a.as_of);
  size_t rows = 0, in_force = 0;
  for (const auto& [act, L] : r->acts) {
    size_t n = 0;
    for (const auto& s : L.rows) n += hs::InForce(s, today);
    rows += L.rows.size();
    in_force += n;
    std::cerr << fmt::format("  {} {}: {} decisions, current list {}, {} rows, {} in force on {}\n", act, L.act_name,
                             L.decisions.size(), L.current.empty() ? "-" : L.current, L.rows.size(), n, today.ToString());
  }
  for (const std::string& s : r->skipped) std::cerr << "  skipped " << s << "\n";
  for (const std::string& w : r->warnings) std::cerr << "  warning " << w << "\n";
  std::cerr << fmt::format("eucomply kb standards import: {} decisions, {} acts, {} rows, {} in force on {}\n",
                           r->decisions.size(), r->acts.size(), rows, in_force, today.ToString());
  if (a.check) return 0;
  const std::string out = a.out.empty() ? ListsDir(a) : a.out;
  if (Status s = hs::WriteLists(*r, out); !s.ok()) {
    std::cerr << "eucomply kb standards import: " << s.ToString() << "\n";
    return 1;
  }
  std::cerr << "  written to " << out << "\n";
  return 0;
}

int RunList(const StdArgs& a) {
  auto d = a.as_of.empty() ? std::optional<Date>(Date::Today()) : Date::Parse(a.as_of);
  if (!d) {
    std::cerr << "eucomply kb standards: --as-of must be a date YYYY-MM-DD, not '" << a.as_of << "'\n";
    return 2;
  }
  auto lists = LoadListsOrSay(a);
  if (!lists) return 1;
  const std::string act = ResolveAct(a, a.act);
  if (!act.empty() && !lists->count(act)) {
    std::cerr << "eucomply kb standards: no list for act '" << a.act << "' (acts with lists:";
    for (const auto& [k, L] : *lists) std::cerr << " " << k;
    std::cerr << ")\n";
    return 2;
  }
  auto rows = hs::Query(*lists, act, *d, a.q);
  if (a.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto* s : rows) out.push_back(hs::ListedToJson(*lists, *s, *d));
    std::cout << nlohmann::json{{"as_of", d->ToString()}, {"count", rows.size()}, {"standards", out}}.dump(2) << "\n";
    return 0;
  }
  for (const auto* s : rows) std::cout << RowText(*lists, *s, *d);
  std::cout << fmt::format("{} references in force on {}\n", rows.size(), d->ToString());
  return 0;
}

int RunOne(const StdArgs& a) {
  auto d = a.as_of.empty() ? std::optional<Date>(Date::Today()) : Date::Parse(a.as_of);
  if (!d) {
    std::cerr << "eucomply kb standard: --as-of must be a date YYYY-MM-DD\n";
    return 2;
  }
  auto lists = LoadListsOrSay(a);
  if (!lists) return 1;
  auto rows = hs::FindReference(*lists, a.ref);
  if (rows.empty()) {
    std::cerr << "eucomply kb standard: '" << a.ref << "' is in no harmonised-standard list of the knowledge base\n";
    return 1;
  }
  if (a.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto* s : rows) out.push_back(hs::ListedToJson(*lists, *s, *d));
    std::cout << nlohmann::json{{"reference", a.ref}, {"as_of", d->ToString()}, {"rows", out}}.dump(2) << "\n";
    return 0;
  }
  for (const auto* s : rows) std::cout << RowText(*lists, *s, *d);
  return 0;
}

int RunEvents(const StdArgs& a) {
  auto from = a.from.empty() ? std::optional<Date>(Date::Today()) : Date::Parse(a.from);
  auto to = a.to.empty() ? std::optional<Date>(Date::FromDays(Date::Today().days() + 3 * 366)) : Date::Parse(a.to);
  if (!from || !to) {
    std::cerr << "eucomply kb standards events: --from and --to must be dates YYYY-MM-DD\n";
    return 2;
  }
  auto lists = LoadListsOrSay(a);
  if (!lists) return 1;
  auto rows = hs::Events(*lists, ResolveAct(a, a.act), *from, *to);
  if (a.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto* s : rows) out.push_back(hs::ListedToJson(*lists, *s, *s->until));
    std::cout << nlohmann::json{{"from", from->ToString()}, {"to", to->ToString()}, {"count", rows.size()}, {"events", out}}.dump(2) << "\n";
    return 0;
  }
  for (const auto* s : rows) {
    std::cout << fmt::format("{}  {} {} ends ({}){}\n", s->until->ToString(), s->act, s->ref, s->until_by,
                             s->superseded_by.empty() ? "" : "; successor " + s->superseded_by);
  }
  std::cout << fmt::format("{} end-of-presumption dates from {} to {}\n", rows.size(), from->ToString(), to->ToString());
  return 0;
}

}  // namespace

void AddStandardsCommands(CLI::App& kb, Context& ctx) {
  auto args = std::make_shared<StdArgs>();
  CLI::App* st = kb.add_subcommand("standards", "Harmonised standards: import the EUR-Lex decisions, list them as of a date");
  AddKbOption(st, &args->kb_dir);
  st->add_option("--act", args->act, "An act: CELEX or short name (LVD, RED, ...)");
  st->add_option("--as-of", args->as_of, "The date (YYYY-MM-DD; default today)");
  st->add_option("--q", args->q, "Words that the reference or title must contain");
  st->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  st->callback([args, &ctx, st]() {
    if (st->get_subcommands().empty()) ctx.exit_code = RunList(*args);
  });
  CLI::App* imp = st->add_subcommand("import", "Read EUR-Lex decision HTML files, replay every act's chain, write the lists");
  imp->add_option("dirs", args->dirs, "Folders of <CELEX>.html files")->required();
  imp->add_option("--out", args->out, "Where to write (default: <kb>/standards/harmonised)");
  imp->add_option("--as-of", args->as_of, "Date of the counts printed (default today)");
  imp->add_flag("--check", args->check, "Parse and replay, print the counts, write nothing");
  imp->callback([args, &ctx]() { ctx.exit_code = RunImport(*args); });
  CLI::App* ev = st->add_subcommand("events", "End-of-presumption dates (for change tracking), earliest first");
  ev->add_option("--from", args->from, "From this date (default today)");
  ev->add_option("--to", args->to, "Until this date, excluded (default in three years)");
  ev->add_option("--act", args->act, "One act: CELEX or short name");
  ev->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  ev->callback([args, &ctx]() { ctx.exit_code = RunEvents(*args); });
  CLI::App* one = kb.add_subcommand("standard", "One harmonised standard: its acts, dates and successor");
  one->add_option("reference", args->ref, "The reference, e.g. \"EN 60335-1:2012\"")->required();
  AddKbOption(one, &args->kb_dir);
  one->add_option("--as-of", args->as_of, "The date (YYYY-MM-DD; default today)");
  one->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  one->callback([args, &ctx]() { ctx.exit_code = RunOne(*args); });
}

}  // namespace eucomply::cli
