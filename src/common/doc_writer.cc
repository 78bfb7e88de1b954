#include "common/doc_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace eucomply {
namespace {

// How each element is written, in plain text and in Markdown: fmt patterns with one {} for
// the text.
struct Pattern {
  const char* text;
  const char* markdown;
};
constexpr Pattern kHeading[3] = {{"{}\n", "# {}\n\n"}, {"\n== {} ==\n", "\n## {}\n\n"}, {"* {}\n", "### {}\n\n"}};
constexpr Pattern kSection = {"\n{}:\n", "\n## {}\n\n"};
constexpr Pattern kListTitle = {"    {}:\n", "\n**{}**\n\n"};
constexpr Pattern kItem[3] = {{"  - {}\n", "- {}\n"}, {"    - {}\n", "- {}\n"}, {"      - {}\n", "- {}\n"}};
constexpr Pattern kPara = {"\n{}\n", "\n{}\n"};
constexpr Pattern kAside = {"  ({})\n", "\n*{}*\n"};
constexpr Pattern kEndEntry = {"", "\n"};

class PatternWriter final : public DocWriter {
 public:
  PatternWriter(std::string* out, bool markdown) : DocWriter(out), markdown_(markdown) {}
  void Heading(int level, std::string_view text) override { Put(kHeading[Clamp(level - 1)], text); }
  void Section(std::string_view title) override { Put(kSection, title); }
  void ListTitle(std::string_view title) override { Put(kListTitle, title); }
  void Item(int depth, std::string_view text) override { Put(kItem[Clamp(depth)], text); }
  void Para(std::string_view text) override { Put(kPara, text); }
  void Aside(std::string_view text) override { Put(kAside, text); }
  void EndEntry() override { out_->append(markdown_ ? kEndEntry.markdown : kEndEntry.text); }
  bool markdown() const override { return markdown_; }

 private:
  static int Clamp(int i) { return std::clamp(i, 0, 2); }
  void Put(const Pattern& p, std::string_view text) {
    fmt::format_to(std::back_inserter(*out_), fmt::runtime(markdown_ ? p.markdown : p.text), text);
  }
  const bool markdown_;
};

}  // namespace

std::unique_ptr<DocWriter> TextDocWriter(std::string* out) {
  return std::make_unique<PatternWriter>(out, false);
}

std::unique_ptr<DocWriter> MarkdownDocWriter(std::string* out) {
  return std::make_unique<PatternWriter>(out, true);
}

}  // namespace eucomply
