#include "common/doc_writer.h"

#include <fmt/format.h>

namespace eucomply {
namespace {

class TextWriter final : public DocWriter {
 public:
  explicit TextWriter(std::string* out) : DocWriter(out) {}
  void Heading(int level, std::string_view text) override {
    if (level == 1) fmt::format_to(std::back_inserter(*out_), "{}\n", text);
    else if (level == 2) fmt::format_to(std::back_inserter(*out_), "\n== {} ==\n", text);
    else fmt::format_to(std::back_inserter(*out_), "* {}\n", text);
  }
  void Section(std::string_view title) override {
    fmt::format_to(std::back_inserter(*out_), "\n{}:\n", title);
  }
  void ListTitle(std::string_view title) override {
    fmt::format_to(std::back_inserter(*out_), "    {}:\n", title);
  }
  void Item(int depth, std::string_view text) override {
    static constexpr const char* kIndent[] = {"  - ", "    - ", "      - "};
    fmt::format_to(std::back_inserter(*out_), "{}{}\n", kIndent[depth < 0 ? 0 : depth > 2 ? 2 : depth], text);
  }
  void Para(std::string_view text) override { fmt::format_to(std::back_inserter(*out_), "\n{}\n", text); }
  void Aside(std::string_view text) override { fmt::format_to(std::back_inserter(*out_), "  ({})\n", text); }
  void EndEntry() override {}
  bool markdown() const override { return false; }
};

class MarkdownWriter final : public DocWriter {
 public:
  explicit MarkdownWriter(std::string* out) : DocWriter(out) {}
  void Heading(int level, std::string_view text) override {
    if (level == 1) fmt::format_to(std::back_inserter(*out_), "# {}\n\n", text);
    else if (level == 2) fmt::format_to(std::back_inserter(*out_), "\n## {}\n\n", text);
    else fmt::format_to(std::back_inserter(*out_), "### {}\n\n", text);
  }
  void Section(std::string_view title) override { Heading(2, title); }
  void ListTitle(std::string_view title) override {
    fmt::format_to(std::back_inserter(*out_), "\n**{}**\n\n", title);
  }
  void Item(int, std::string_view text) override {
    fmt::format_to(std::back_inserter(*out_), "- {}\n", text);
  }
  void Para(std::string_view text) override { fmt::format_to(std::back_inserter(*out_), "\n{}\n", text); }
  void Aside(std::string_view text) override { fmt::format_to(std::back_inserter(*out_), "\n*{}*\n", text); }
  void EndEntry() override { out_->push_back('\n'); }
  bool markdown() const override { return true; }
};

}  // namespace

std::unique_ptr<DocWriter> TextDocWriter(std::string* out) { return std::make_unique<TextWriter>(out); }
std::unique_ptr<DocWriter> MarkdownDocWriter(std::string* out) {
  return std::make_unique<MarkdownWriter>(out);
}

}  // namespace eucomply
