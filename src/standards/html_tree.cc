#include "standards/html_tree.h"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

namespace eucomply::standards {

namespace {

constexpr int kMaxDepth = 200;  // nesting deeper than this is not an OJ table: ignored

bool Is(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// Text of a subtree, whitespace collapsed (NBSP counts as a space).
void CollectText(const xmlNode* n, std::string* out, int depth) {
  if (depth > kMaxDepth) return;
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) *out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      if (Is(c, "script") || Is(c, "style")) continue;
      if (Is(c, "br")) *out += ' ';
      CollectText(c->children, out, depth + 1);
    }
  }
}

std::string Collapse(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // NBSP
      ws = true;
      ++i;
    }
    if (ws) {
      space = !o.empty();
      continue;
    }
    if (space) o += ' ';
    space = false;
    o += static_cast<char>(c);
  }
  return o;
}

void Walk(const xmlNode* n, std::vector<HNode>* out, int depth);

void WalkTable(const xmlNode* table, HNode* t, int depth) {
  // Rows of this table (through thead/tbody/tfoot), not of tables nested in its cells.
  std::vector<const xmlNode*> stack;
  for (const xmlNode* c = table->children; c; c = c->next) {
    if (Is(c, "tr")) {
      auto& row = t->rows.emplace_back();
      for (const xmlNode* cell = c->children; cell; cell = cell->next) {
        if (Is(cell, "td") || Is(cell, "th")) {
          auto& nodes = row.emplace_back();
          Walk(cell->children, &nodes, depth + 1);
        }
      }
    } else if (Is(c, "thead") || Is(c, "tbody") || Is(c, "tfoot")) {
      WalkTable(c, t, depth + 1);
    }
  }
}

void Walk(const xmlNode* n, std::vector<HNode>* out, int depth) {
  if (depth > kMaxDepth) return;
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Is(c, "script") || Is(c, "style") || Is(c, "head")) continue;
    if (Is(c, "table")) {
      HNode t;
      t.kind = HNode::Kind::kTable;
      WalkTable(c, &t, depth + 1);
      out->push_back(std::move(t));
    } else if (Is(c, "p") || Is(c, "h1") || Is(c, "h2") || Is(c, "h3") || Is(c, "li")) {
      // A paragraph that holds a table (broken markup) is walked as a container instead.
      bool has_table = false;
      for (const xmlNode* k = c->children; k; k = k->next) has_table = has_table || Is(k, "table");
      if (has_table) {
        Walk(c->children, out, depth + 1);
        continue;
      }
      std::string raw;
      CollectText(c->children, &raw, depth + 1);
      std::string text = Collapse(raw);
      if (!text.empty()) out->push_back(HNode{HNode::Kind::kPara, std::move(text), {}});
    } else {
      Walk(c->children, out, depth + 1);
    }
  }
}

void Plain(const std::vector<HNode>& nodes, std::string* out) {
  for (const HNode& n : nodes) {
    if (n.kind == HNode::Kind::kPara) {
      *out += n.text;
      *out += '\n';
    } else {
      for (const auto& row : n.rows) {
        for (const auto& cell : row) Plain(cell, out);
      }
    }
  }
}

}  // namespace

Result<std::vector<HNode>> ParseHtmlTree(std::string_view html, std::string_view source) {
  if (html.empty()) return Status::InvalidArgument(fmt::format("{}: empty file", source));
  if (html.size() > (64u << 20)) return Status::InvalidArgument(fmt::format("{}: larger than 64 MB", source));
  const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                   HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", opts), xmlFreeDoc);
  if (!doc) return Status::InvalidArgument(fmt::format("{}: not an HTML document", source));
  std::vector<HNode> out;
  Walk(xmlDocGetRootElement(doc.get()), &out, 0);
  return out;
}

std::string PlainText(const std::vector<HNode>& nodes) {
  std::string out;
  Plain(nodes, &out);
  return out;
}

}  // namespace eucomply::standards
