// Parsing one Commission implementing decision on harmonised standards (EUR-Lex HTML), by the
// grammar of ../shared/research/harmonised-standards-sources.md section 5.2:
// - header: the OJ date is the first d.m.yyyy near the top;
// - title: "... DECISION (EU) 2023/2723 of ... on harmonised standards for ... drafted in
//   support of Directive 2014/35/EU ...";
// - articles: "Implementing Decision (EU) 2019/1956 is repealed", "Point (1) of the Annex shall
//   apply from 30 April 2026";
// - annexes: full lists (rows "N." | reference, title, amendments, notes | [withdrawal date]),
//   machinery parts ("PART ONE"), and amending instructions "(1) rows 139 and 198 are deleted",
//   "(2) the following rows are inserted:" + table, "row 2 is replaced by the following:".
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <regex>

#include "eucomply/harmonised.h"
#include "eucomply/text.h"
#include "standards/html_tree.h"

namespace eucomply::standards {

namespace {

using Kind = HNode::Kind;

const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                         "july",    "august",   "september", "october", "november", "december"};

std::string Lower(std::string_view s) { return AsciiLower(s); }

std::string AsciiUpper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// "13.12.2023" or "13 December 2023".
std::optional<Date> ParseDayDate(std::string_view s) {
  static const std::regex dotted(R"((\d{1,2})\.(\d{1,2})\.(\d{4}))");
  static const std::regex words(R"((\d{1,2}) ([A-Za-z]+) (\d{4}))");
  std::string t(s);
  std::smatch m;
  if (std::regex_search(t, m, dotted)) {
    return Date::FromYmd(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
  }
  if (std::regex_search(t, m, words)) {
    std::string mon = Lower(m[2].str());
    for (int i = 0; i < 12; ++i) {
      if (mon == kMonths[i]) return Date::FromYmd(std::stoi(m[3]), i + 1, std::stoi(m[1]));
    }
  }
  return std::nullopt;
}

// "2023/2723" of a decision -> "32023D2723".
std::string DecisionCelex(const std::string& number) {
  size_t slash = number.find('/');
  if (slash == std::string::npos) return "";
  std::string y = number.substr(0, slash), n = number.substr(slash + 1);
  if (y.size() == 2) y = (y < "50" ? "20" : "19") + y;
  while (n.size() < 4) n = "0" + n;
  return "3" + y + "D" + n;
}

// The act the standards support, from the title: "Directive 2014/35/EU", "Regulation (EU)
// 2016/425", "Regulation (EU) No 305/2011", "Council Directive 89/686/EEC".
bool SupportedAct(const std::string& title, std::string* celex, std::string* name) {
  static const std::regex dir(R"((Directive) (\d{2,4})/(\d+)/(EU|EC|EEC))");
  static const std::regex reg(R"((Regulation) \((EU|EC)\) (?:No )?(\d+)/(\d+))");
  const size_t at = title.find("support of");
  const std::string t = at == std::string::npos ? title : title.substr(at);
  std::smatch m;
  std::smatch d, r;
  const bool hd = std::regex_search(t, d, dir), hr = std::regex_search(t, r, reg);
  if (hd && (!hr || d.position() < r.position())) {
    std::string y = d[2], n = d[3];
    if (y.size() == 2) y = "19" + y;
    while (n.size() < 4) n = "0" + n;
    *celex = "3" + y + "L" + n;
    *name = d[0];
    return true;
  }
  if (hr) {
    std::string a = r[3], b = r[4];
    // Before 2015 the number came first: "(EU) No 305/2011"; since, the year: "(EU) 2016/425".
    const bool number_first = r[0].str().find("No ") != std::string::npos;
    std::string y = number_first ? b : a, n = number_first ? a : b;
    if (y.size() == 2) y = "19" + y;
    while (n.size() < 4) n = "0" + n;
    *celex = "3" + y + "R" + n;
    *name = r[0];
    return true;
  }
  return false;
}

std::string StripQuotes(std::string s) {
  auto strip_front = [&](const char* q) {
    if (s.rfind(q, 0) == 0) s.erase(0, std::strlen(q));
  };
  auto strip_back = [&](const char* q) {
    const size_t n = std::strlen(q);
    if (s.size() >= n && s.compare(s.size() - n, n, q) == 0) s.erase(s.size() - n);
  };
  for (int i = 0; i < 2; ++i) {
    strip_front("‘");
    strip_front("'");
    strip_front("“");
    strip_back(";");
    strip_back(".");
    strip_back("’");
    strip_back("'");
    strip_back("”");
    strip_back(",");
    s = std::string(Trim(s));
  }
  return s;
}

// A row number cell: "1.", "‘198a.", "139a", "’2a." -> "198a"; "" when not one.
std::string RowNumber(const std::vector<HNode>& cell) {
  if (cell.size() != 1 || cell[0].kind != Kind::kPara) return "";
  std::string t = StripQuotes(cell[0].text);
  static const std::regex num(R"(^(\d{1,4}(?:[a-z]{0,2}|\.[IVX]{1,4}))$)");
  std::smatch m;
  if (std::regex_match(t, m, num)) return m[1];
  return "";
}

bool IsReference(const std::string& line) {
  static const std::regex ref(R"(^(EN|HD|ES|ETSI|CEN|CLC|IEC|ISO|EN ISO|EN IEC)\b.*\d)");
  return std::regex_search(line, ref) && line.size() < 160;
}

bool IsNote(const std::string& line) {
  const std::string l = Lower(line.substr(0, 24));
  for (const char* k : {"restriction", "notice", "limitation", "informative note", "warning", "note"}) {
    if (l.rfind(k, 0) == 0) return true;
  }
  return false;
}

// Paragraphs of a reference cell in order, those of tables nested in it included (some
// decisions lay a row's lines out as one small table per line).
void CellLinesInto(const std::vector<HNode>& cell, std::vector<std::string>* out, int depth) {
  if (depth > 8) return;
  for (const HNode& n : cell) {
    if (n.kind == Kind::kPara) {
      if (!n.text.empty()) out->push_back(n.text);
      continue;
    }
    for (const auto& row : n.rows) {
      for (const auto& c : row) CellLinesInto(c, out, depth + 1);
    }
  }
}

std::vector<std::string> CellLines(const std::vector<HNode>& cell) {
  std::vector<std::string> out;
  CellLinesInto(cell, &out, 0);
  return out;
}

// A reference row: number | reference, title, amendments and notes | [date].
std::optional<RefRow> ReadRow(const std::vector<std::vector<HNode>>& cells, const std::string& part) {
  if (cells.size() < 2) return std::nullopt;
  RefRow r;
  r.number = RowNumber(cells[0]);
  if (r.number.empty()) return std::nullopt;
  std::vector<std::string> lines = CellLines(cells[1]);
  if (lines.empty()) return std::nullopt;
  r.part = part;
  r.ref = StripQuotes(lines[0]);
  // The old form prints reference and title in one paragraph: "EN 71-1:2014+A1:2018 Safety of
  // toys ...". The reference ends after its edition (and amendments joined to it).
  {
    static const std::regex joined(R"(^(\S.*?:\d{4}(?:[+/][A-Z0-9]+:\d{4}(?:-\d{2})?)*)\s+([A-Z].*)$)");
    std::smatch m;
    if (std::regex_match(r.ref, m, joined) && m[1].length() < 60) {
      lines.insert(lines.begin() + 1, m[2].str());
      r.ref = m[1];
    }
  }
  bool in_note = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string l = StripQuotes(lines[i]);
    if (l.empty()) continue;
    if (IsNote(l)) {
      r.notes.push_back(l);
      in_note = true;
    } else if (!in_note && IsReference(l) && (i > 1 || !r.title.empty())) {
      r.amendments.push_back(l);
    } else if (in_note) {
      r.notes.back() += " " + l;
    } else if (r.title.empty()) {
      r.title = l;
    } else if (IsReference(l)) {
      r.amendments.push_back(l);
    } else {
      r.title += " " + l;
    }
  }
  if (cells.size() >= 3) {
    std::string d;
    for (const std::string& l : CellLines(cells[2])) d += l + " ";
    r.withdrawal = ParseDayDate(d);
  }
  return r;
}

// All reference rows of a table (and of tables nested in its cells).
void CollectRows(const HNode& table, const std::string& part, std::vector<RefRow>* out) {
  for (const auto& row : table.rows) {
    if (auto r = ReadRow(row, part)) {
      out->push_back(std::move(*r));
      continue;
    }
    for (const auto& cell : row) {
      for (const HNode& n : cell) {
        if (n.kind == Kind::kTable) CollectRows(n, part, out);
      }
    }
  }
}

std::string PartOf(const std::string& lower_text) {
  static const std::regex part(R"(\bpart (one|two|three|four|1|2|3)\b)");
  std::smatch m;
  if (std::regex_search(lower_text, m, part)) {
    std::string p = m[1];
    if (p == "1") p = "one";
    if (p == "2") p = "two";
    if (p == "3") p = "three";
    return p;
  }
  return "";
}

std::string AnnexOf(const std::string& lower_text) {
  static const std::regex annex(R"(\bannex (iv|iii|ii|i)\b)");
  std::smatch m;
  if (std::regex_search(lower_text, m, annex)) return AsciiUpper(m[1].str());
  return "";
}

// Row numbers in "rows 139, 198, 221, 299a, and 517 are deleted" / "row 2 is replaced".
std::vector<std::string> RowList(const std::string& lower, const std::string& verb) {
  std::vector<std::string> out;
  const std::regex re("(?:rows?|entry|entries) ([0-9a-z ,.]+?) (?:is|are) " + verb);
  std::smatch m;
  std::string s = lower;
  while (std::regex_search(s, m, re)) {
    std::string list = m[1];
    static const std::regex num(R"(\b(\d{1,4})(\.[ivx]{1,4}\b|[a-z]{0,2}\b))");
    for (auto it = std::sregex_iterator(list.begin(), list.end(), num); it != std::sregex_iterator(); ++it) {
      std::string suffix = (*it)[2];
      if (!suffix.empty() && suffix[0] == '.') suffix = AsciiUpper(suffix);  // "189.I"
      out.push_back((*it)[1].str() + suffix);
    }
    s = m.suffix();
  }
  return out;
}

// The instructions of an amending annex: rows "(1)" | text [+ tables], nested "(a)" points.
void ReadInstructions(const HNode& table, const std::string& prefix, const std::string& own,
                      const std::string& annex, const std::string& part, std::vector<Instruction>* out) {
  static const std::regex point(R"(^\(?([0-9]{1,3}|[a-z]{1,3})\)$)");
  for (const auto& row : table.rows) {
    if (row.size() < 2 || row[0].size() != 1 || row[0][0].kind != Kind::kPara) continue;
    std::smatch m;
    const std::string head = row[0][0].text;
    if (!std::regex_match(head, m, point)) continue;
    const std::string p = prefix.empty() ? m[1].str() : prefix + "(" + m[1].str() + ")";
    std::string text;
    for (const HNode& n : row[1]) {
      if (n.kind == Kind::kPara) text += (text.empty() ? "" : " ") + n.text;
    }
    const std::string lower = Lower(text);
    Instruction in;
    in.point = p;
    in.in_annex = own;
    in.text = text;
    in.annex = AnnexOf(lower).empty() ? annex : AnnexOf(lower);
    in.part = PartOf(lower).empty() ? part : PartOf(lower);
    bool nested_points = false;
    for (const HNode& n : row[1]) {
      if (n.kind != Kind::kTable) continue;
      // A nested table of points: recurse with this point as prefix.
      bool points = false;
      for (const auto& r : n.rows) {
        if (r.size() >= 2 && r[0].size() == 1 && r[0][0].kind == Kind::kPara &&
            std::regex_match(r[0][0].text, m, point)) {
          points = true;
        }
      }
      if (points) {
        nested_points = true;
        ReadInstructions(n, p, own, in.annex, in.part, out);
      } else {
        CollectRows(n, in.part, &in.new_rows);
      }
    }
    if (lower.find("deleted") != std::string::npos) {
      in.kind = InstructionKind::kDelete;
      in.rows = RowList(lower, "deleted");
    } else if (lower.find("replaced") != std::string::npos) {
      in.kind = InstructionKind::kReplace;
      in.rows = RowList(lower, "replaced");
    } else if (lower.find("inserted") != std::string::npos || lower.find("added") != std::string::npos) {
      in.kind = InstructionKind::kInsert;
    }
    // A point that only prints rows continues the insertion of the point before it.
    if (in.kind == InstructionKind::kOther && Trim(text).empty() && !in.new_rows.empty()) {
      in.kind = InstructionKind::kInsert;
    }
    if (nested_points && in.new_rows.empty() && in.rows.empty()) continue;  // only a heading
    out->push_back(std::move(in));
  }
}

// The OJ date: the first d.m.yyyy near the top.
Status ReadOjDate(const std::string& plain, std::string_view file, Decision* d) {
  static const std::regex dotted(R"(\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b)");
  std::smatch m;
  const std::string top = plain.substr(0, 1500);
  if (!std::regex_search(top, m, dotted)) {
    return Status::InvalidArgument(fmt::format("{}: no Official Journal date (d.m.yyyy) near the top", file));
  }
  auto od = Date::FromYmd(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
  if (!od) return Status::InvalidArgument(fmt::format("{}: bad OJ date '{}'", file, m[0].str()));
  d->oj_date = *od;
  return Status::Ok();
}

// The act: named in the title, else "in support of ..." in the text (amending decisions'
// titles often name only the decision they amend; then the replay takes its act).
void ReadSupportedAct(const std::string& plain, Decision* d) {
  if (SupportedAct(d->title, &d->act, &d->act_name)) return;
  std::string flat = plain.substr(0, std::min<size_t>(plain.size(), 20000));
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  if (flat.find("support of") == std::string::npos || !SupportedAct(flat, &d->act, &d->act_name)) {
    d->act.clear();
    d->act_name.clear();
  }
}

// The title, from "DECISION (EU)" to the act supported, with the numbers it gives.
Status ReadTitle(const std::string& plain, std::string_view file, Decision* d) {
  static const std::regex title(R"((?:IMPLEMENTING )?DECISION (?:\((EU|EC)\) )?(\d{4}/\d+)[^\n]*)");
  std::smatch m;
  if (!std::regex_search(plain, m, title)) {
    if (Lower(plain.substr(0, std::min<size_t>(plain.size(), 2000))).find("corrigendum") != std::string::npos) {
      return Status::InvalidArgument(fmt::format("{}: a corrigendum (its corrections are not replayed)", file));
    }
    return Status::InvalidArgument(fmt::format("{}: no 'DECISION (EU) YYYY/N' title", file));
  }
  d->number = m[2];
  d->celex = DecisionCelex(d->number);
  // The title runs over the following lines until "THE EUROPEAN COMMISSION".
  size_t end = plain.find("THE EUROPEAN COMMISSION", static_cast<size_t>(m.position()));
  d->title = plain.substr(static_cast<size_t>(m.position()),
                          (end == std::string::npos ? plain.size() : end) - static_cast<size_t>(m.position()));
  std::replace(d->title.begin(), d->title.end(), '\n', ' ');
  d->title = std::string(Trim(d->title.substr(0, 600)));
  d->corrigendum = file.find("R(") != std::string_view::npos ||
                   Lower(plain.substr(0, std::min<size_t>(plain.size(), 600))).find("corrigendum") != std::string::npos;
  if (d->corrigendum) {
    std::string stem(file);
    if (size_t slash = stem.find_last_of('/'); slash != std::string::npos) stem = stem.substr(slash + 1);
    if (size_t dot = stem.rfind(".htm"); dot != std::string::npos) stem = stem.substr(0, dot);
    d->celex = stem;
  }
  ReadSupportedAct(plain, d);
  static const std::regex amending(R"(amending (?:Commission )?(?:Implementing )?Decisions? \((?:EU|EC)\) (\d{4}/\d+))");
  if (std::regex_search(d->title, m, amending)) {
    d->amending = true;
    d->amends = DecisionCelex(m[1]);
  }
  return Status::Ok();
}

// The articles: decisions repealed, and points of the annex applying from a later date.
void ReadArticles(const std::string& plain, Decision* d) {
  const size_t a = plain.find("HAS ADOPTED THIS DECISION");
  const size_t b = plain.find("Done at", a == std::string::npos ? 0 : a);
  std::string art = a == std::string::npos ? "" : plain.substr(a, (b == std::string::npos ? plain.size() : b) - a);
  std::replace(art.begin(), art.end(), '\n', ' ');
  static const std::regex repeal(R"(Decision \((?:EU|EC)\) (\d{4}/\d+) is repealed)");
  for (auto it = std::sregex_iterator(art.begin(), art.end(), repeal); it != std::sregex_iterator(); ++it) {
    d->repeals.push_back(DecisionCelex((*it)[1]));
  }
  static const std::regex deferred(
      R"([Pp]oints? ((?:\(\d+\)(?:\([a-z]+\))?(?:,? and |, | )?)+)of (Annex(?: [IVX]+)?|the Annex)(?: to this Decision)? shall apply from (\d{1,2} [A-Za-z]+ \d{4}))");
  for (auto it = std::sregex_iterator(art.begin(), art.end(), deferred); it != std::sregex_iterator(); ++it) {
    std::string points = (*it)[1];
    std::string annex = (*it)[2];
    annex = annex == "the Annex" || annex == "Annex" ? "" : annex.substr(6);
    auto date = ParseDayDate((*it)[3].str());
    if (!date) continue;
    static const std::regex pt(R"(\((\d+)\)(?:\(([a-z]+)\))?)");
    for (auto p = std::sregex_iterator(points.begin(), points.end(), pt); p != std::sregex_iterator(); ++p) {
      std::string key = (*p)[1];
      if ((*p)[2].matched) key += "(" + (*p)[2].str() + ")";
      d->deferred[annex + ":" + key] = *date;
    }
  }
}

// Where the walk over the annexes is.
struct AnnexPlace {
  bool in_annex = false;
  std::string annex, part;   // of this decision
  std::string target_annex;  // the amended decision's annex an amending annex changes
  std::string target_part;   // and its part ("In Part Three of Annex I ... point 2 is amended")
};

// A paragraph of the annexes: an annex or part heading, or the sentence naming what an
// amending annex changes.
void ReadAnnexParagraph(const std::string& t, AnnexPlace* at, Decision* d) {
  static const std::regex annex_head(R"(^ANNEX(?: ([IVX]+))?$)");
  std::smatch m;
  if (std::regex_match(t, m, annex_head)) {
    at->in_annex = true;
    at->annex = m[1].matched ? m[1].str() : "";
    at->part.clear();
    at->target_annex.clear();
    at->target_part.clear();
    return;
  }
  if (!at->in_annex) return;
  const std::string lower = Lower(t);
  static const std::regex part_head(R"(^PART (ONE|TWO|THREE|FOUR)\b)");
  if (std::regex_search(t, m, part_head)) {
    at->part = Lower(m[1].str());
    return;
  }
  static const std::regex amended(R"((?:annex(?:es)? ([ivx]+)(?: and ([ivx]+))? (?:to|of) (?:the )?(?:commission )?(?:implementing )?decision \((?:eu|ec)\) (\d{4}/\d+)).*(?:is|are) (?:hereby )?amended)");
  if (std::regex_search(lower, m, amended)) {
    d->amending = true;
    d->amends = DecisionCelex(m[3]);
    at->target_annex = AsciiUpper(m[1].str());
  }
  if (d->amending && !PartOf(lower).empty()) at->target_part = PartOf(lower);
}

bool IsInstructionTable(const HNode& n) {
  bool instructions = false;
  for (const auto& row : n.rows) {
    if (row.size() >= 2 && row[0].size() == 1 && row[0][0].kind == Kind::kPara) {
      static const std::regex point(R"(^\(?([0-9]{1,3}|[a-z]{1,3})\)$)");
      if (std::regex_match(row[0][0].text, point)) instructions = true;
    }
  }
  return instructions;
}

// A table of the annexes: instructions (amending annexes) or reference rows.
void ReadAnnexTable(const HNode& n, const AnnexPlace& at, std::string_view file, Decision* d) {
  const std::string target = at.target_annex.empty() ? "I" : at.target_annex;
  if (d->amending && IsInstructionTable(n)) {
    // Deferred dates are given per point of this decision's annex (Instruction::in_annex).
    ReadInstructions(n, "", at.annex, target, at.target_part, &d->instructions);
    return;
  }
  std::vector<RefRow> rows;
  CollectRows(n, at.part, &rows);
  if (rows.empty()) return;
  const bool withdrawal = std::any_of(rows.begin(), rows.end(), [](const RefRow& r) { return r.withdrawal.has_value(); });
  if (d->amending && !withdrawal) {
    // Rows outside an instruction table: an "entry is added" of the old form.
    Instruction in;
    in.point = std::to_string(d->instructions.size() + 1);
    in.in_annex = at.annex;
    in.annex = target;
    in.kind = InstructionKind::kInsert;
    in.new_rows = std::move(rows);
    d->instructions.push_back(std::move(in));
    return;
  }
  // The list is Annex I (or the only annex); other annexes list references kept until a date.
  const bool list_annex = at.annex.empty() || at.annex == "I";
  if (!withdrawal && !list_annex) {
    d->warnings.push_back(fmt::format("{}: rows of Annex {} without dates are not read", file, at.annex));
    return;
  }
  auto& dest = withdrawal ? d->withdrawn : d->list;
  for (auto& r : rows) dest.push_back(std::move(r));
}

}  // namespace

Result<Decision> ParseDecision(std::string_view html, std::string_view file) {
  auto tree = ParseHtmlTree(html, file);
  if (!tree.ok()) return tree.status();
  Decision d;
  d.file = std::string(file);
  const std::string plain = PlainText(*tree);
  if (Status s = ReadOjDate(plain, file, &d); !s.ok()) return s;
  if (Status s = ReadTitle(plain, file, &d); !s.ok()) return s;
  ReadArticles(plain, &d);
  // Annexes: walk the top-level nodes after the articles.
  AnnexPlace at;
  for (const HNode& n : *tree) {
    if (n.kind == Kind::kPara) {
      ReadAnnexParagraph(n.text, &at, &d);
    } else if (at.in_annex) {
      ReadAnnexTable(n, at, file, &d);
    }
  }
  if (d.list.empty() && d.instructions.empty() && d.withdrawn.empty()) {
    d.warnings.push_back(fmt::format("{}: no list rows and no amending instructions found", file));
  }
  for (const Instruction& in : d.instructions) {
    if (in.kind == InstructionKind::kOther) {
      d.warnings.push_back(fmt::format("{}: point ({}) not understood: {}", file, in.point, in.text.substr(0, 120)));
    }
  }
  return d;
}

std::string StandardNumber(std::string_view ref) {
  std::string s(Trim(ref));
  if (s.rfind("ETSI ", 0) == 0) s = s.substr(5);
  // ETSI versions: "EN 300 328 V2.2.2" -> "EN 300 328".
  static const std::regex version(R"( V\d+(\.\d+)+.*$)");
  s = std::regex_replace(s, version, "");
  // Drop the edition and anything after it.
  if (size_t colon = s.find(':'); colon != std::string::npos) s = s.substr(0, colon);
  for (const char* p : {"EN IEC ", "EN ISO/IEC ", "EN ISO ", "EN "}) {
    if (s.rfind(p, 0) == 0) {
      s = "EN " + s.substr(std::strlen(p));
      break;
    }
  }
  return s;
}

}  // namespace eucomply::standards
