// `eucomply assess`: one product, from a file or answered question by question.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>

#include "cli/commands.h"
#include "eucomply/engine.h"
#include "eucomply/guided.h"
#include "eucomply/messages.h"
#include "eucomply/intake.h"
#include "eucomply/report.h"
#include "eucomply/text.h"

namespace eucomply::cli {
namespace {

struct AssessArgs {
  std::string product_path;
  std::string text;
  std::string as_of;
  std::string lang = "en";
  std::string format = "text";
  std::string kb_dir;
  bool interactive = false;
};

// Reads one answer for attribute `attr` from `in`. Returns nullopt to skip ("?" or empty),
// and sets *eof at end of input. Enum and set answers may be given by their numbers in the
// list ("2" or "1,3").
std::optional<Value> ReadAnswer(const Attribute& attr, std::istream& in, bool* eof) {
  while (true) {
    std::cout << "> " << std::flush;
    std::string line;
    if (!std::getline(in, line)) {
      *eof = true;
      return std::nullopt;
    }
    std::string_view t = Trim(line);
    if (t.empty() || t == "?") return std::nullopt;
    if ((attr.type == AttrType::kEnum || attr.type == AttrType::kSet) && !attr.values.empty()) {
      std::string ids;
      bool numeric = true;
      for (auto part : Split(t, ',')) {
        std::string_view p = Trim(part);
        int n = 0;
        for (char c : p) {
          if (c < '0' || c > '9') numeric = false;
          else n = n * 10 + (c - '0');
        }
        if (!numeric || p.empty() || n < 1 || n > static_cast<int>(attr.values.size())) {
          numeric = false;
          break;
        }
        ids += (ids.empty() ? "" : ",") + attr.values[n - 1].id;
      }
      if (numeric) {
        auto v = ParseAttributeValue(attr, ids);
        if (v.ok()) return *v;
      }
    }
    auto v = ParseAttributeValue(attr, t);
    if (v.ok()) return *v;
    std::cout << v.status().message() << "\n";
  }
}

void PrintChoices(const KnowledgeBase& kb, const std::vector<int>& cats, Lang lang) {
  for (size_t i = 0; i < cats.size(); ++i) {
    const Category& c = kb.categories()[cats[i]];
    std::cout << fmt::format("  {}. {} ({})\n", i + 1, c.name.Get(lang), c.id);
  }
}

// The category question: candidates the text intake was unsure between, then those the
// user's words bring up. A number picks one; a category id is taken as it is. Returns false
// at end of input.
bool AskCategory(GuidedSession& s, Lang lang) {
  const KnowledgeBase& kb = s.kb();
  std::vector<int> choices;
  for (const auto& [c, p] : s.product().category_candidates) choices.push_back(c);
  PrintChoices(kb, choices, lang);
  std::cout << Msg("cli.assess.category_prompt", lang) << "\n";
  while (true) {
    std::cout << "> " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) return false;
    std::string_view t = Trim(line);
    if (t.empty() || t == "?") {
      s.Skip(kCategoryAttr);
      return true;
    }
    int c = kb.FindCategory(t);
    if (c < 0 && !choices.empty() &&
        std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      size_t k = static_cast<size_t>(std::stoul(std::string(t.substr(0, 6))));
      if (k >= 1 && k <= choices.size()) c = choices[k - 1];
    }
    if (c >= 0) {
      s.AnswerCategory(c);
      return true;
    }
    std::vector<int> cats = s.CategoryCandidates(t);
    if (cats.empty()) {
      std::cout << MsgF("cli.assess.no_category", lang, t) << "\n";
      continue;
    }
    std::cout << Msg("cli.assess.did_you_mean", lang) << "\n";
    choices = cats;
    PrintChoices(kb, choices, lang);
  }
}

// An attribute's question: its values listed, or yes / no, or its unit. Returns false at
// end of input.
bool AskAttribute(GuidedSession& s, int attribute, Lang lang) {
  const Attribute& attr = s.kb().attributes()[attribute];
  if (!attr.values.empty()) {
    for (size_t i = 0; i < attr.values.size(); ++i) {
      std::cout << fmt::format("  {}. {} ({})\n", i + 1, attr.values[i].label.Get(lang),
                               attr.values[i].id);
    }
  } else if (attr.type == AttrType::kBool) {
    std::cout << Msg("cli.assess.yes_no", lang) << "\n";
  } else if (attr.type == AttrType::kNumber) {
    std::cout << fmt::format("  {} {}\n", Msg("cli.assess.unit", lang), CanonicalUnit(attr.dimension));
  }
  bool eof = false;
  auto v = ReadAnswer(attr, std::cin, &eof);
  if (v) s.Answer(attribute, *v);
  else s.Skip(attribute);
  return !eof;
}

void PrintAssessment(const KnowledgeBase& kb, const Product& product, const Assessment& a,
                     Lang lang, const std::optional<Question>& next, const std::string& format) {
  if (format == "json") {
    std::cout << AssessmentToJson(kb, product, a, lang, next).dump(2) << "\n";
  } else if (format == "markdown") {
    std::cout << AssessmentToMarkdown(kb, product, a, lang, next);
  } else if (format == "summary") {
    std::cout << VerdictSummary(kb, a);
  } else {
    std::cout << AssessmentToText(kb, product, a, lang, next);
  }
}

int RunInteractive(const KnowledgeBase& kb, Product product, const AssessOptions& opts,
                   Lang lang, const std::string& format) {
  GuidedSession s(kb, std::move(product), opts);
  while (std::optional<Question> q = s.Next()) {
    const QuestionText text = QuestionTextOf(kb, *q, lang);
    std::cout << "\n" << text.question << "\n  (" << Msg("report.why_we_ask_lower", lang) << ": "
              << text.why << ")\n";
    const bool more = q->attribute == kCategoryAttr ? AskCategory(s, lang)
                                                    : AskAttribute(s, q->attribute, lang);
    if (!more) break;
  }
  if (format != "json" && format != "markdown") std::cout << "\n";
  PrintAssessment(kb, s.product(), s.assessment(), lang, s.Next(),
                  format == "summary" ? "text" : format);
  return 0;
}

int RunAssess(const AssessArgs& args) {
  auto lang = ParseLang(args.lang);
  if (!lang) {
    std::cerr << "eucomply assess: --lang must be en or zh, not '" << args.lang << "'\n";
    return 2;
  }
  AssessOptions opts;
  opts.as_of = Date::Today();
  if (!args.as_of.empty()) {
    auto d = Date::Parse(args.as_of);
    if (!d) {
      std::cerr << "eucomply assess: --as-of must be a date YYYY-MM-DD, not '" << args.as_of
                << "'\n";
      return 2;
    }
    opts.as_of = *d;
  }
  auto kb = LoadKnowledgeBase(args.kb_dir.empty() ? DefaultKnowledgeDir() : args.kb_dir);
  if (!kb.ok()) {
    std::cerr << "eucomply: the knowledge base does not load:\n" << kb.status().ToString() << "\n";
    return 1;
  }
  Product product = Product::Empty(**kb);
  if (!args.product_path.empty()) {
    auto p = LoadProductFile(**kb, args.product_path);
    if (!p.ok()) {
      std::cerr << p.status().ToString() << "\n";
      return 1;
    }
    product = std::move(*p);
  } else if (!args.interactive && args.text.empty()) {
    std::cerr << "eucomply assess: give a product file (YAML or JSON), --text or --interactive\n";
    return 2;
  }
  if (!args.text.empty()) {
    // The file's values win over what the text says; the text fills the rest.
    ApplyTextIntake(**kb, args.text, &product);
    if (product.name.empty()) product.name = args.text;
    if (product.description.empty()) product.description = args.text;
  }
  if (args.interactive) return RunInteractive(**kb, std::move(product), opts, *lang, args.format);
  Assessment a = Assess(**kb, product, opts);
  PrintAssessment(**kb, product, a, *lang, NextQuestion(**kb, product, opts, a), args.format);
  return 0;
}

}  // namespace

void AddAssessCommand(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<AssessArgs>();
  CLI::App* cmd = app.add_subcommand("assess", "Which EU acts apply to a product, and why");
  cmd->add_option("product", args->product_path, "Product document (.yaml/.yml or .json)");
  cmd->add_option("--text", args->text,
                  "Product description in English or Chinese; category and attributes are "
                  "inferred from it");
  cmd->add_option("--as-of", args->as_of, "Assess as of this date (YYYY-MM-DD; default today)");
  cmd->add_option("--lang", args->lang, "Language of the report: en or zh")->capture_default_str();
  cmd->add_option("--format", args->format, "text, json, markdown or summary")
      ->check(CLI::IsMember({"text", "json", "markdown", "summary"}))
      ->capture_default_str();
  AddKbOption(cmd, &args->kb_dir);
  cmd->add_flag("--interactive,-i", args->interactive,
                "Ask the next question until nothing is undetermined");
  cmd->callback([args, &ctx]() { ctx.exit_code = RunAssess(*args); });
}

}  // namespace eucomply::cli
