// An EUR-Lex decision's HTML as a tree of paragraphs and tables, read with libxml2's HTML
// parser (recovering from broken markup, never fetching anything). Only what the decision
// parser needs: the text of every <p> (whitespace collapsed, entities decoded) in document
// order, and tables as rows of cells, each cell holding its own paragraphs and tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eucomply/status.h"

namespace eucomply::standards {

struct HNode {
  enum class Kind { kPara, kTable } kind = Kind::kPara;
  std::string text;                                   // kPara
  std::vector<std::vector<std::vector<HNode>>> rows;  // kTable: rows -> cells -> nodes
};

// Fails (InvalidArgument) only when libxml2 gives no document at all (e.g. empty input).
Result<std::vector<HNode>> ParseHtmlTree(std::string_view html, std::string_view source);

// Every paragraph's text, in order, tables included, one per line.
std::string PlainText(const std::vector<HNode>& nodes);

}  // namespace eucomply::standards
