// A small document model for reports: a writer takes headings, sections, labelled lists and
// items, and each sink renders them in its own syntax. Text and Markdown now; HTML and PDF
// sinks (the documents capability) implement the same calls.
//
// Not thread-safe; a writer appends to the string it was given, which must outlive it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace eucomply {

class DocWriter {
 public:
  virtual ~DocWriter() = default;
  // A heading of level 1 (the document), 2 (a section) or 3 (an entry of a section).
  virtual void Heading(int level, std::string_view text) = 0;
  // A section headed in running text: a heading in Markdown, "Text:" in plain text.
  virtual void Section(std::string_view title) = 0;
  // The title of a list inside an entry ("Obligations").
  virtual void ListTitle(std::string_view title) = 0;
  // A list item: depth 0 under a Section, 1 under an entry's heading, 2 under a ListTitle.
  virtual void Item(int depth, std::string_view text) = 0;
  // A paragraph, and one set in emphasis (an aside, such as why a question is asked).
  virtual void Para(std::string_view text) = 0;
  virtual void Aside(std::string_view text) = 0;
  // The end of an entry begun by Heading(3).
  virtual void EndEntry() = 0;
  // Text as it is, for what no call above fits.
  void Raw(std::string_view text) { out_->append(text); }
  virtual bool markdown() const = 0;

 protected:
  explicit DocWriter(std::string* out) : out_(out) {}
  std::string* out_;
};

// Plain text: "== Section ==", "* entry", items indented by depth, asides in parentheses.
std::unique_ptr<DocWriter> TextDocWriter(std::string* out);
// CommonMark: "#"-headings, "**title**" list titles, "- " items, "*aside*".
std::unique_ptr<DocWriter> MarkdownDocWriter(std::string* out);

}  // namespace eucomply
