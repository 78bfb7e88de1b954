// `eucomply kb check|acts|categories|stats`: the knowledge base itself.
#include <fmt/format.h>

#include <functional>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "eucomply/kb.h"
#include "eucomply/report.h"

namespace eucomply::cli {
namespace {

struct KbArgs {
  std::string kb_dir, format = "text", lang = "en";
};

std::string Dir(const KbArgs& a) { return a.kb_dir.empty() ? DefaultKnowledgeDir() : a.kb_dir; }

int RunCheck(const KbArgs& a) {
  auto kb = LoadKnowledgeBase(Dir(a));
  if (!kb.ok()) {
    for (const auto& m : kb.status().messages()) std::cerr << m << "\n";
    std::cerr << fmt::format("kb check: {} problem(s)\n", kb.status().messages().size());
    return 1;
  }
  KnowledgeStats s = ComputeStats(**kb);
  std::cout << fmt::format("kb check: OK — {} acts, {} rules, {} obligations, {} standards, "
                           "{} categories, {} attributes; {} unconfirmed items\n",
                           s.acts, s.rules, s.obligations, s.standards, s.categories,
                           s.attributes, s.unconfirmed.size());
  return 0;
}

struct LoadedKb {
  std::shared_ptr<const KnowledgeBase> kb;
  Lang lang;
  const KnowledgeBase& operator*() const { return *kb; }
  const KnowledgeBase* operator->() const { return kb.get(); }
};

// The knowledge base and the --lang of the command, or nullopt after printing why not.
std::optional<LoadedKb> LoadWithLang(const KbArgs& a) {
  auto lang = ParseLang(a.lang);
  auto kb = LoadKnowledgeBase(Dir(a));
  if (!kb.ok() || !lang) {
    std::cerr << (lang ? kb.status().ToString() : "--lang must be en or zh") << "\n";
    return std::nullopt;
  }
  return LoadedKb{*kb, *lang};
}

int RunActs(const KbArgs& a) {
  auto kb = LoadWithLang(a);
  if (!kb) return 1;
  const Lang* lang = &kb->lang;
  if (a.format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& act : (*kb)->acts()) arr.push_back(ActToJson(**kb, act, *lang, false));
    std::cout << arr.dump(2) << "\n";
    return 0;
  }
  for (const auto& act : (*kb)->acts()) {
    std::cout << fmt::format("{:<12} {:<14} {:<20} {}{}\n", act.celex, act.short_name, act.number,
                             act.title.Get(*lang), act.ce_marking ? "  [CE]" : "");
  }
  return 0;
}

// The taxonomy as a tree: id, name, and the Safety Gate categories each one stands for.
int RunCategories(const KbArgs& a) {
  auto kb = LoadWithLang(a);
  if (!kb) return 1;
  const Lang* lang = &kb->lang;
  const KnowledgeBase& K = **kb;
  const int n = static_cast<int>(K.categories().size());
  std::vector<std::vector<int>> children(n);
  std::vector<int> roots;
  for (int c = 0; c < n; ++c) {
    const auto& parents = K.categories()[c].parent_ids;
    if (parents.empty()) roots.push_back(c);
    for (const auto& p : parents) {
      int pi = K.FindCategory(p);
      if (pi >= 0) children[pi].push_back(c);
    }
  }
  if (a.format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (int c = 0; c < n; ++c) {
      const Category& cat = K.categories()[c];
      arr.push_back({{"id", cat.id}, {"name", cat.name.Get(*lang)}, {"parents", cat.parent_ids}});
    }
    std::cout << arr.dump(2) << "\n";
    return 0;
  }
  std::function<void(int, int)> print = [&](int c, int depth) {
    const Category& cat = K.categories()[c];
    std::cout << fmt::format("{:{}}{:<{}} {}\n", "", 2 * depth, cat.id, std::max(1, 34 - 2 * depth),
                             cat.name.Get(*lang));
    for (int k : children[c]) print(k, depth + 1);
  };
  for (int r : roots) print(r, 0);
  std::cout << fmt::format("{} categories (a category with several parents is shown under each)\n", n);
  return 0;
}

int RunStats(const KbArgs& a) {
  auto kb = LoadKnowledgeBase(Dir(a));
  if (!kb.ok()) {
    std::cerr << kb.status().ToString() << "\n";
    return 1;
  }
  KnowledgeStats s = ComputeStats(**kb);
  if (a.format == "json") {
    nlohmann::json j = {{"acts", s.acts},
                        {"rules", s.rules},
                        {"obligations", s.obligations},
                        {"standards", s.standards},
                        {"categories", s.categories},
                        {"attributes", s.attributes},
                        {"milestones", s.milestones},
                        {"lexicon_entries", s.lexicon_entries},
                        {"lexicon_terms", s.lexicon_terms},
                        {"unconfirmed_count", s.unconfirmed.size()},
                        {"unconfirmed", s.unconfirmed}};
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::cout << fmt::format(
      "acts {}\nrules {}\nobligations {}\nstandards {}\ncategories {}\nattributes {}\n"
      "milestones {}\nlexicon entries {} ({} terms)\nunconfirmed items {}\n",
      s.acts, s.rules, s.obligations, s.standards, s.categories, s.attributes, s.milestones,
      s.lexicon_entries, s.lexicon_terms, s.unconfirmed.size());
  for (const auto& u : s.unconfirmed) std::cout << "  " << u << "\n";
  return 0;
}

}  // namespace

void AddKbCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<KbArgs>();
  CLI::App* kb = app.add_subcommand("kb", "The knowledge base: check, list acts and categories, statistics");
  kb->require_subcommand(1);
  AddKbOption(kb, &args->kb_dir);
  CLI::App* check = kb->add_subcommand("check", "Validate every file; list every problem");
  check->callback([args, &ctx]() { ctx.exit_code = RunCheck(*args); });
  CLI::App* acts = kb->add_subcommand("acts", "List the acts");
  acts->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  acts->add_option("--lang", args->lang, "en or zh");
  acts->callback([args, &ctx]() { ctx.exit_code = RunActs(*args); });
  CLI::App* cats = kb->add_subcommand("categories", "List the product taxonomy as a tree");
  cats->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cats->add_option("--lang", args->lang, "en or zh");
  cats->callback([args, &ctx]() { ctx.exit_code = RunCategories(*args); });
  CLI::App* stats = kb->add_subcommand("stats", "Counts, and the unconfirmed items");
  stats->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  stats->callback([args, &ctx]() { ctx.exit_code = RunStats(*args); });
  AddStandardsCommands(*kb, ctx);
}

}  // namespace eucomply::cli
