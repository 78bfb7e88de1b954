// `eucomply assess`: one product, from a file or answered question by question.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>

#include "cli/commands.h"
#include "eucomply/engine.h"
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
// and sets *eof at end of input.
std::optional<Value> ReadAnswer(const KnowledgeBase& kb, const Attribute& attr, Lang lang,
                                std::istream& in, bool* eof) {
  while (true) {
    std::cout << "> " << std::flush;
    std::string line;
    if (!std::getline(in, line)) {
      *eof = true;
      return std::nullopt;
    }
    std::string_view t = Trim(line);
    if (t.empty() || t == "?") return std::nullopt;
    // Enum and set answers may be given by their number in the list.
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
      if (numeric) t = ids, line = ids;
      if (numeric) {
        auto v = ParseAttributeValue(attr, ids);
        if (v.ok()) return *v;
      }
    }
    auto v = ParseAttributeValue(attr, t);
    if (v.ok()) return *v;
    std::cout << v.status().message() << "\n";
    (void)kb;
    (void)lang;
  }
}

int RunInteractive(const KnowledgeBase& kb, Product product, const AssessOptions& opts,
                   Lang lang, const std::string& format) {
  std::set<int> skipped;
  while (true) {
    Assessment a = Assess(kb, product, opts);
    auto q = NextQuestion(kb, product, opts, a, skipped);
    if (!q) break;
    nlohmann::json qj = QuestionToJson(kb, *q, lang);
    std::cout << "\n" << qj["question"].get<std::string>() << "\n  ("
              << (lang == Lang::kZh ? "提问原因" : "why we ask") << ": "
              << qj["why"].get<std::string>() << ")\n";
    bool eof = false;
    if (q->attribute == kCategoryAttr) {
      // Candidates: those the text intake was unsure between, then those the user's words
      // bring up. A number picks one; a category id is taken as it is.
      std::vector<int> choices;
      auto offer = [&](const std::vector<int>& cats) {
        choices = cats;
        for (size_t i = 0; i < choices.size(); ++i) {
          const Category& c = kb.categories()[choices[i]];
          std::cout << fmt::format("  {}. {} ({})\n", i + 1, c.name.Get(lang), c.id);
        }
      };
      if (!product.category_candidates.empty()) {
        std::vector<int> cats;
        for (const auto& [c, p] : product.category_candidates) cats.push_back(c);
        offer(cats);
      }
      std::cout << (lang == Lang::kZh ? "  输入序号、几个描述产品的词（例如 毛绒玩具）或类别代码，? 跳过\n"
                                      : "  Enter a number, a few words for the product (e.g. plush toy) or a category id; ? to skip\n");
      while (true) {
        std::cout << "> " << std::flush;
        std::string line;
        if (!std::getline(std::cin, line)) {
          eof = true;
          break;
        }
        std::string_view t = Trim(line);
        if (t.empty() || t == "?") {
          skipped.insert(kCategoryAttr);
          break;
        }
        int c = kb.FindCategory(t);
        if (c < 0 && !choices.empty() && std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
          size_t k = static_cast<size_t>(std::stoul(std::string(t.substr(0, 6))));
          if (k >= 1 && k <= choices.size()) c = choices[k - 1];
        }
        if (c < 0) {
          std::vector<int> cats;
          // Words neither the lexicon nor the recogniser has seen bring up nothing.
          bool known_word = false;
          for (const std::string& f : RecogniserFeatures(kb, t)) {
            known_word = known_word || f.starts_with("L:") ||
                         (kb.recogniser() != nullptr && f.starts_with("w:") && kb.recogniser()->weights.count(f) > 0);
          }
          for (const Inference& inf : known_word ? InferFromText(kb, t) : std::vector<Inference>{}) {
            if (inf.attribute != kCategoryAttr) continue;
            if (inf.category >= 0) cats.push_back(inf.category);
            for (const auto& [cand, p] : inf.candidates) cats.push_back(cand);
          }
          for (const CategoryGuess& g : known_word ? RecogniseCategory(kb, t) : std::vector<CategoryGuess>{}) {
            if (cats.size() >= 3) break;
            if (g.p >= 0.05 && std::find(cats.begin(), cats.end(), g.category) == cats.end()) cats.push_back(g.category);
          }
          if (cats.size() > 3) cats.resize(3);
          if (cats.empty()) {
            std::cout << (lang == Lang::kZh ? "没有与之相符的类别：" : "no category matches: ") << t
                      << (lang == Lang::kZh ? "（换几个词，或用 eucomply kb categories 查看类别代码）\n"
                                            : " (try other words; eucomply kb categories lists the ids)\n");
            continue;
          }
          std::cout << (lang == Lang::kZh ? "  可能是：\n" : "  Did you mean:\n");
          offer(cats);
          continue;
        }
        product.category = c;
        product.category_source = ValueSource::kGiven;
        ApplyCategoryDefaults(kb, &product);
        break;
      }
    } else {
      const Attribute& attr = kb.attributes()[q->attribute];
      if (!attr.values.empty()) {
        for (size_t i = 0; i < attr.values.size(); ++i) {
          std::cout << fmt::format("  {}. {} ({})\n", i + 1, attr.values[i].label.Get(lang),
                                   attr.values[i].id);
        }
      } else if (attr.type == AttrType::kBool) {
        std::cout << (lang == Lang::kZh ? "  是 / 否（yes/no），? 跳过\n" : "  yes / no, ? to skip\n");
      } else if (attr.type == AttrType::kNumber) {
        std::cout << fmt::format("  {} {}\n", lang == Lang::kZh ? "单位：" : "unit:",
                                 CanonicalUnit(attr.dimension));
      }
      auto v = ReadAnswer(kb, attr, lang, std::cin, &eof);
      if (v) product.Set(q->attribute, *v, ValueSource::kGiven);
      else skipped.insert(q->attribute);
    }
    if (eof) break;
  }
  Assessment a = Assess(kb, product, opts);
  auto next = NextQuestion(kb, product, opts, a, skipped);
  if (format == "json") {
    std::cout << AssessmentToJson(kb, product, a, lang, next).dump(2) << "\n";
  } else if (format == "markdown") {
    std::cout << AssessmentToMarkdown(kb, product, a, lang, next);
  } else {
    std::cout << "\n" << AssessmentToText(kb, product, a, lang, next);
  }
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
  auto next = NextQuestion(**kb, product, opts, a);
  if (args.format == "json") {
    std::cout << AssessmentToJson(**kb, product, a, *lang, next).dump(2) << "\n";
  } else if (args.format == "markdown") {
    std::cout << AssessmentToMarkdown(**kb, product, a, *lang, next);
  } else if (args.format == "summary") {
    std::cout << VerdictSummary(**kb, a);
  } else {
    std::cout << AssessmentToText(**kb, product, a, *lang, next);
  }
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
  cmd->add_option("--kb", args->kb_dir, "Knowledge-base folder (default: the bundled one)");
  cmd->add_flag("--interactive,-i", args->interactive,
                "Ask the next question until nothing is undetermined");
  cmd->callback([args, &ctx]() { ctx.exit_code = RunAssess(*args); });
}

}  // namespace eucomply::cli
