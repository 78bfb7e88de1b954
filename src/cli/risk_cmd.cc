// `eucomply risk`: a risk assessment by the EU method (Delegated Regulation (EU) 2024/3173,
// Annex II), from a risk document (docs/risk-format.md) or asked step by step.
//
// The interactive mode writes the answers as a risk document (YAML) and reads it back with the
// same parser as a file, so both paths give the same result; --save keeps that document.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "eucomply/intake.h"
#include "eucomply/messages.h"
#include "eucomply/risk.h"
#include "eucomply/text.h"

namespace eucomply::cli {
namespace {

struct RiskArgs {
  std::string path;
  std::string lang = "en";
  std::string format = "text";
  std::string kb_dir;
  std::string save;
  bool interactive = false;
};

std::string Quote(std::string_view s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (c == '\n') {
      o += "\\n";
      continue;
    }
    o += c;
  }
  return o + "\"";
}

// One line of input; false at end of input.
bool Ask(const std::string& prompt, std::string* line) {
  std::cout << prompt << "\n> " << std::flush;
  if (!std::getline(std::cin, *line)) return false;
  *line = std::string(Trim(*line));
  return true;
}

// The user of a risk document, "user: {...}\n", from answers. Returns "" when input ended early.
std::string AskUser(Lang lang) {
  std::string line;
  std::string user = "adult";
  if (!Ask(Msg("cli.risk.user", lang), &line)) return "";
  if (line == "1") user = "child";
  else if (line == "3") user = "older_person";
  else if (line == "4") user = "person_with_disability";
  std::string doc = "user: {group: " + user;
  if (user == "child") {
    while (true) {
      if (!Ask(Msg("cli.risk.child_age", lang), &line)) return "";
      if (!line.empty() && line.size() < 5 && line.find_first_not_of("0123456789") == std::string::npos) break;
      std::cout << Msg("cli.risk.child_age_hint", lang) << "\n";
    }
    doc += ", age_months: " + line;
  }
  return doc + "}\n";
}

// The hazards to assess, from answers: the category's from the Safety Gate history, else
// every hazard of the library, offered by number. Empty when input ended early.
std::vector<std::string> AskHazards(const KnowledgeBase& kb, const risk::HazardLibrary& lib, int category,
                                    Lang lang) {
  std::vector<std::string> offered;
  for (const risk::Suggestion* s : risk::SuggestHazards(kb, lib, category)) offered.push_back(s->hazard);
  std::cout << "\n" << Msg("cli.risk.hazards", lang) << "\n";
  if (offered.empty()) {
    for (const risk::Hazard& h : lib.hazards()) offered.push_back(h.id);
  }
  for (size_t i = 0; i < offered.size(); ++i) {
    const risk::Hazard* h = lib.FindHazard(offered[i]);
    std::cout << fmt::format("  {}. {} ({})\n", i + 1, h ? h->name.Get(lang) : offered[i], offered[i]);
  }
  std::vector<std::string> chosen;
  std::string line;
  while (chosen.empty()) {
    if (!Ask(Msg("cli.risk.pick_hazards", lang), &line)) return {};
    for (auto part : Split(line, ',')) {
      std::string t(Trim(part));
      if (t.empty()) continue;
      if (t.find_first_not_of("0123456789") == std::string::npos && t.size() < 4) {
        size_t k = std::stoul(t);
        if (k >= 1 && k <= offered.size()) t = offered[k - 1];
      }
      if (lib.FindHazard(t) == nullptr) {
        std::cout << MsgF("cli.risk.unknown_hazard", lang, t) << "\n";
        chosen.clear();
        break;
      }
      chosen.push_back(t);
    }
  }
  return chosen;
}

// One scenario of a risk document, its steps and severity, from answers. Returns "" when
// input ended early.
std::string AskScenario(const std::string& id, const risk::Hazard& h, Lang lang) {
  std::cout << "\n== " << h.name.Get(lang) << " ==\n";
  std::string doc = "  - hazard: " + id + "\n";
  std::cout << Msg("cli.risk.scenario_help", lang) << "\n";
  doc += "    steps:\n";
  for (int k = 0; k < 5; ++k) {
    const std::string suggested = k < static_cast<int>(h.steps.size()) ? h.steps[k].Get(lang) : "";
    std::string text;
    if (!Ask(suggested.empty() ? MsgF("cli.risk.step", lang, k + 1) : MsgF("cli.risk.step_suggested", lang, k + 1, suggested),
             &text)) return "";
    if (text == ".") {
      if (k >= 3) break;
      std::cout << Msg("cli.risk.min_steps", lang) << "\n";
      --k;
      continue;
    }
    if (text.empty()) text = suggested;
    if (text.empty()) {
      if (k >= 3) break;
      --k;
      continue;
    }
    std::string prob;
    while (true) {
      if (!Ask(Msg("cli.risk.probability", lang), &prob)) return "";
      if (risk::ParseProbability(prob).ok()) break;
      std::cout << "  " << risk::ParseProbability(prob).status().message() << "\n";
    }
    doc += "      - {text: " + Quote(text) + ", probability: " + Quote(prob) + "}\n";
  }
  std::string line;
  while (true) {
    if (!Ask(MsgF("cli.risk.severity", lang, h.severity), &line)) return "";
    if (line.empty()) line = std::to_string(h.severity);
    if (line.size() == 1 && line[0] >= '1' && line[0] <= '4') break;
  }
  return doc + "    severity: " + line + "\n";
}

// Builds a risk document from answers. Returns "" when input ended early.
std::string Interview(const KnowledgeBase& kb, const risk::HazardLibrary& lib, Lang lang) {
  std::string line;
  if (!Ask(Msg("cli.risk.describe", lang), &line)) return "";
  Product p = Product::Empty(kb);
  ApplyTextIntake(kb, line, &p);
  std::string doc = "product: {text: " + Quote(line);
  if (p.category >= 0) {
    const Category& c = kb.categories()[p.category];
    std::cout << MsgF("cli.risk.category", lang, c.name.Get(lang), c.id) << "\n";
  }
  doc += "}\n";
  const std::string user = AskUser(lang);
  if (user.empty()) return "";
  doc += user;
  const std::vector<std::string> chosen = AskHazards(kb, lib, p.category, lang);
  if (chosen.empty()) return "";
  doc += "scenarios:\n";
  for (const std::string& id : chosen) {
    const std::string scenario = AskScenario(id, *lib.FindHazard(id), lang);
    if (scenario.empty()) return "";
    doc += scenario;
  }
  return doc;
}

int RunRisk(const RiskArgs& args) {
  auto lang = ParseLang(args.lang);
  if (!lang) {
    std::cerr << "eucomply risk: --lang must be en or zh, not '" << args.lang << "'\n";
    return 2;
  }
  if (args.path.empty() == !args.interactive) {
    std::cerr << "eucomply risk: give a risk document (YAML or JSON, docs/risk-format.md) or --interactive\n";
    return 2;
  }
  const std::string kb_dir = args.kb_dir.empty() ? DefaultKnowledgeDir() : args.kb_dir;
  auto kb = LoadKnowledgeBase(kb_dir);
  if (!kb.ok()) {
    std::cerr << "eucomply: the knowledge base does not load:\n" << kb.status().ToString() << "\n";
    return 1;
  }
  auto lib = risk::LoadHazardLibrary(**kb, kb_dir + "/risk");
  if (!lib.ok()) {
    std::cerr << "eucomply: the hazard library does not load:\n" << lib.status().ToString() << "\n";
    return 1;
  }
  Result<risk::RiskInput> in = Status::InvalidArgument("no input");
  if (args.interactive) {
    const std::string doc = Interview(**kb, **lib, *lang);
    if (doc.empty()) {
      std::cerr << "eucomply risk: input ended before the assessment was complete\n";
      return 1;
    }
    if (!args.save.empty()) {
      std::ofstream f(args.save);
      f << doc;
      if (!f) {
        std::cerr << "eucomply risk: cannot write " << args.save << "\n";
        return 1;
      }
    }
    in = risk::ParseRiskYaml(**kb, **lib, doc, args.save.empty() ? "answers" : args.save);
    std::cout << "\n";
  } else {
    in = risk::LoadRiskFile(**kb, **lib, args.path);
  }
  if (!in.ok()) {
    std::cerr << in.status().ToString() << "\n";
    return 1;
  }
  const risk::RiskResult r = risk::AssessRisk(**kb, **lib, *in);
  if (args.format == "json") {
    std::cout << risk::RiskToJson(**kb, **lib, *in, r, *lang).dump(2) << "\n";
  } else {
    std::cout << risk::RiskReport(**kb, **lib, *in, r, *lang, args.format == "markdown");
  }
  return 0;
}

}  // namespace

void AddRiskCommand(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<RiskArgs>();
  CLI::App* cmd = app.add_subcommand(
      "risk", "Risk assessment by the EU method (Delegated Regulation (EU) 2024/3173, Annex II)");
  cmd->add_option("file", args->path, "Risk document (.yaml/.yml or .json; docs/risk-format.md)");
  cmd->add_option("--lang", args->lang, "Language of the report: en or zh")->capture_default_str();
  cmd->add_option("--format", args->format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  cmd->add_option("--kb", args->kb_dir, "Knowledge-base folder (default: the bundled one)");
  cmd->add_flag("--interactive,-i", args->interactive,
                "Suggest hazards for the product and ask each scenario's steps and probabilities");
  cmd->add_option("--save", args->save, "With --interactive: write the answers as a risk document");
  cmd->callback([args, &ctx]() { ctx.exit_code = RunRisk(*args); });
}

}  // namespace eucomply::cli
