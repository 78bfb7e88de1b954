#include "kb/condition_parser.h"

#include <fmt/format.h>

#include <optional>

#include "eucomply/units.h"

namespace eucomply::kb {
namespace {

enum class Tok { kEnd, kIdent, kNumber, kOp, kLParen, kRParen, kLBracket, kRBracket, kComma, kBad };

struct Token {
  Tok kind = Tok::kEnd;
  std::string_view text;
  size_t offset = 0;
};

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9') || c == '-'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  Token Next() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' ||
                                s_[pos_] == '\r'))
      ++pos_;
    Token t;
    t.offset = pos_;
    if (pos_ >= s_.size()) return t;
    char c = s_[pos_];
    size_t start = pos_;
    if (IsIdentStart(c)) {
      while (pos_ < s_.size() && IsIdentChar(s_[pos_])) ++pos_;
      t.kind = Tok::kIdent;
    } else if (IsDigit(c) || ((c == '-' || c == '.') && pos_ + 1 < s_.size() &&
                              IsDigit(s_[pos_ + 1]))) {
      ++pos_;
      while (pos_ < s_.size() && (IsDigit(s_[pos_]) || s_[pos_] == '.')) ++pos_;
      t.kind = Tok::kNumber;
    } else if (c == '(') {
      ++pos_, t.kind = Tok::kLParen;
    } else if (c == ')') {
      ++pos_, t.kind = Tok::kRParen;
    } else if (c == '[') {
      ++pos_, t.kind = Tok::kLBracket;
    } else if (c == ']') {
      ++pos_, t.kind = Tok::kRBracket;
    } else if (c == ',') {
      ++pos_, t.kind = Tok::kComma;
    } else if (c == '=' || c == '!' || c == '<' || c == '>') {
      ++pos_;
      if (pos_ < s_.size() && s_[pos_] == '=') ++pos_;
      t.kind = Tok::kOp;
    } else {
      ++pos_;
      t.kind = Tok::kBad;
    }
    t.text = s_.substr(start, pos_ - start);
    return t;
  }

  // A unit symbol right after a number: letters and '/', e.g. "V", "km/h".
  std::optional<Token> UnitAfterNumber() {
    size_t p = pos_;
    while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t')) ++p;
    size_t start = p;
    while (p < s_.size() && (IsIdentStart(s_[p]) || s_[p] == '/')) ++p;
    if (p == start) return std::nullopt;
    std::string_view sym = s_.substr(start, p - start);
    if (sym == "and" || sym == "or" || sym == "not" || !LookupUnit(sym)) return std::nullopt;
    pos_ = p;
    return Token{Tok::kIdent, sym, start};
  }

  size_t pos() const { return pos_; }
  void Reset(size_t p) { pos_ = p; }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

struct SyntaxError {
  size_t offset;
  std::string message;
};

class Parser {
 public:
  Parser(std::string_view text, const ConditionEnv& env, Expr* out,
         std::vector<ConditionError>* errors)
      : lex_(text), env_(env), out_(out), errors_(errors) {
    Advance();
  }

  bool Run() {
    try {
      int root = ParseOr();
      if (cur_.kind != Tok::kEnd) Fail(cur_.offset, fmt::format("unexpected '{}'", cur_.text));
      out_->root = root;
    } catch (const SyntaxError& e) {
      errors_->push_back({e.offset, e.message});
      return false;
    }
    return type_errors_ == 0;
  }

 private:
  [[noreturn]] void Fail(size_t offset, std::string message) {
    throw SyntaxError{offset, std::move(message)};
  }
  void TypeError(size_t offset, std::string message) {
    errors_->push_back({offset, std::move(message)});
    ++type_errors_;
  }
  void Advance() { cur_ = lex_.Next(); }
  bool IsKeyword(std::string_view kw) const { return cur_.kind == Tok::kIdent && cur_.text == kw; }
  void Expect(Tok kind, const char* what) {
    if (cur_.kind != kind) {
      Fail(cur_.offset, cur_.kind == Tok::kEnd
                            ? fmt::format("expected {} but the condition ends", what)
                            : fmt::format("expected {} but found '{}'", what, cur_.text));
    }
    Advance();
  }
  int Add(Node n) {
    out_->nodes.push_back(std::move(n));
    return static_cast<int>(out_->nodes.size()) - 1;
  }

  int ParseOr() { return ParseJoined("or", Op::kOr, &Parser::ParseAnd); }
  int ParseAnd() { return ParseJoined("and", Op::kAnd, &Parser::ParseUnary); }

  // Terms of `next` joined by `keyword` as one n-ary node, or the single term alone.
  int ParseJoined(const char* keyword, Op op, int (Parser::*next)()) {
    int left = (this->*next)();
    if (!IsKeyword(keyword)) return left;
    Node n;
    n.op = op;
    n.children.push_back(left);
    while (IsKeyword(keyword)) {
      Advance();
      n.children.push_back((this->*next)());
    }
    return Add(std::move(n));
  }

  int ParseUnary() {
    if (IsKeyword("not")) {
      Advance();
      Node n;
      n.op = Op::kNot;
      n.children.push_back(ParseUnary());
      return Add(std::move(n));
    }
    return ParsePrimary();
  }

  int ParsePrimary() {
    if (cur_.kind == Tok::kLParen) {
      Advance();
      int inner = ParseOr();
      Expect(Tok::kRParen, "')'");
      return inner;
    }
    if (cur_.kind != Tok::kIdent) {
      if (cur_.kind == Tok::kEnd) Fail(cur_.offset, "expected a condition but the text ends");
      Fail(cur_.offset, fmt::format("expected an attribute or keyword but found '{}'", cur_.text));
    }
    Token name = cur_;
    Advance();
    if (name.text == "true" || name.text == "false") {
      Node n;
      n.op = name.text == "true" ? Op::kTrue : Op::kFalse;
      return Add(n);
    }
    if (name.text == "known") return ParseKnown();
    if (name.text == "applies") return ParseApplies();
    if (name.text == "harmonised") return ParseNullary(Op::kHarmonised);
    if (name.text == "ce_marking") return ParseNullary(Op::kCeMarking);
    if (name.text == "category") return ParseCategory(name);
    return ParseAttributeTest(name);
  }

  // The "()" of a function without arguments.
  int ParseNullary(Op op) {
    Expect(Tok::kLParen, "'('");
    Expect(Tok::kRParen, "')'");
    Node n;
    n.op = op;
    return Add(n);
  }

  // The "(name)" of a function of one name; `what` says what the name must be.
  Token ParseNameArgument(const char* what) {
    Expect(Tok::kLParen, "'('");
    Token a = cur_;
    Expect(Tok::kIdent, what);
    Expect(Tok::kRParen, "')'");
    return a;
  }

  int ParseKnown() {
    Token a = ParseNameArgument("an attribute name");
    Node n;
    n.op = Op::kKnown;
    n.attr = ResolveAttribute(a);
    return Add(n);
  }

  int ParseApplies() {
    Token a = ParseNameArgument("an act short name");
    Node n;
    n.op = Op::kApplies;
    n.act = env_.find_act(a.text);
    if (n.act < 0) TypeError(a.offset, fmt::format("unknown act '{}' in applies()", a.text));
    return Add(n);
  }

  int ResolveCategory(const Token& t) {
    int c = env_.find_category(t.text);
    if (c < 0) TypeError(t.offset, fmt::format("unknown category '{}'", t.text));
    return c;
  }

  int ParseCategory(const Token& kw) {
    Node n;
    n.op = Op::kCategoryIn;
    if (IsKeyword("is")) {
      Advance();
      Token c = cur_;
      Expect(Tok::kIdent, "a category id");
      n.categories.push_back(ResolveCategory(c));
    } else if (IsKeyword("in")) {
      Advance();
      Expect(Tok::kLBracket, "'['");
      while (true) {
        Token c = cur_;
        Expect(Tok::kIdent, "a category id");
        n.categories.push_back(ResolveCategory(c));
        if (cur_.kind == Tok::kComma) {
          Advance();
          continue;
        }
        Expect(Tok::kRBracket, "',' or ']'");
        break;
      }
    } else {
      Fail(kw.offset, "'category' must be followed by 'is <id>' or 'in [<id>, ...]'");
    }
    return Add(std::move(n));
  }

  int ResolveAttribute(const Token& t) {
    int a = env_.find_attribute(t.text);
    if (a < 0) TypeError(t.offset, fmt::format("unknown attribute '{}'", t.text));
    return a;
  }

  // A literal for attribute `a`: an enum/set value id, a bool, or a number with a unit.
  struct Literal {
    Token tok;
    std::optional<Token> unit;
  };

  Literal ParseLiteral() {
    Literal lit{cur_, std::nullopt};
    if (cur_.kind == Tok::kNumber) {
      // Look for a unit right after the number before taking the next token.
      lex_.Reset(cur_.offset + cur_.text.size());
      lit.unit = lex_.UnitAfterNumber();
      Advance();
      return lit;
    }
    if (cur_.kind == Tok::kIdent) {
      Advance();
      return lit;
    }
    if (cur_.kind == Tok::kEnd) Fail(cur_.offset, "expected a value but the condition ends");
    Fail(cur_.offset, fmt::format("expected a value but found '{}'", cur_.text));
  }

  // Converts a number literal to the attribute's canonical unit; reports type errors.
  double NumberValue(const Attribute& attr, const Literal& lit) {
    double v = std::strtod(std::string(lit.tok.text).c_str(), nullptr);
    if (!lit.unit) {
      if (attr.dimension != Dimension::kNone) {
        TypeError(lit.tok.offset,
                  fmt::format("'{}' needs a unit of {} (e.g. {} {})", attr.id,
                              DimensionName(attr.dimension), lit.tok.text,
                              CanonicalUnit(attr.dimension)));
      }
      return v;
    }
    auto unit = LookupUnit(lit.unit->text);
    if (!unit || unit->dimension != attr.dimension) {
      TypeError(lit.unit->offset,
                fmt::format("unit '{}' is not a unit of {} (the dimension of '{}')",
                            lit.unit->text, DimensionName(attr.dimension), attr.id));
      return v;
    }
    return v * unit->to_canonical;
  }

  int EnumIndex(const Attribute& attr, const Literal& lit) {
    if (lit.tok.kind != Tok::kIdent) {
      TypeError(lit.tok.offset, fmt::format("'{}' takes one of its declared values, not '{}'",
                                            attr.id, lit.tok.text));
      return -1;
    }
    int idx = attr.ValueIndex(lit.tok.text);
    if (idx < 0) {
      std::string allowed;
      for (const auto& v : attr.values) allowed += (allowed.empty() ? "" : ", ") + v.id;
      TypeError(lit.tok.offset, fmt::format("'{}' is not a value of '{}' (one of: {})",
                                            lit.tok.text, attr.id, allowed));
    }
    return idx;
  }

  int ParseAttributeTest(const Token& name) {
    int a = ResolveAttribute(name);
    const Attribute* attr = a >= 0 ? &(*env_.attributes)[a] : nullptr;
    Node n;
    n.attr = a;
    if (cur_.kind == Tok::kOp) {
      Token op = cur_;
      Advance();
      if (op.text == "==") n.cmp = Cmp::kEq;
      else if (op.text == "!=") n.cmp = Cmp::kNe;
      else if (op.text == "<") n.cmp = Cmp::kLt;
      else if (op.text == "<=") n.cmp = Cmp::kLe;
      else if (op.text == ">") n.cmp = Cmp::kGt;
      else if (op.text == ">=") n.cmp = Cmp::kGe;
      else Fail(op.offset, fmt::format("unknown operator '{}'", op.text));
      Literal lit = ParseLiteral();
      n.op = Op::kCmp;
      if (!attr) return Add(n);
      bool ordering = n.cmp != Cmp::kEq && n.cmp != Cmp::kNe;
      switch (attr->type) {
        case AttrType::kNumber:
          if (lit.tok.kind != Tok::kNumber) {
            TypeError(lit.tok.offset,
                      fmt::format("'{}' is a number; compare it with a number", attr->id));
          } else {
            n.num = NumberValue(*attr, lit);
          }
          break;
        case AttrType::kBool:
          if (ordering) TypeError(op.offset, fmt::format("'{}' is a bool: use == or !=", attr->id));
          if (lit.tok.text == "true" || lit.tok.text == "false") {
            n.bool_value = lit.tok.text == "true";
          } else {
            TypeError(lit.tok.offset, fmt::format("'{}' is a bool; compare with true or false",
                                                  attr->id));
          }
          break;
        case AttrType::kEnum: {
          if (ordering) TypeError(op.offset, fmt::format("'{}' is an enum: use == or !=", attr->id));
          int idx = EnumIndex(*attr, lit);
          if (idx >= 0) n.mask = uint64_t{1} << idx;
          break;
        }
        case AttrType::kSet:
          TypeError(op.offset, fmt::format("'{}' is a set: use 'has' or 'in'", attr->id));
          break;
      }
      return Add(n);
    }
    if (IsKeyword("in")) {
      Advance();
      Expect(Tok::kLBracket, "'['");
      n.op = Op::kIn;
      while (true) {
        Literal lit = ParseLiteral();
        if (attr && (attr->type == AttrType::kEnum || attr->type == AttrType::kSet)) {
          int idx = EnumIndex(*attr, lit);
          if (idx >= 0) n.mask |= uint64_t{1} << idx;
        }
        if (cur_.kind == Tok::kComma) {
          Advance();
          continue;
        }
        Expect(Tok::kRBracket, "',' or ']'");
        break;
      }
      if (attr && attr->type != AttrType::kEnum && attr->type != AttrType::kSet) {
        TypeError(name.offset, fmt::format("'in' needs an enum or set attribute; '{}' is a {}",
                                           attr->id, AttrTypeName(attr->type)));
      }
      return Add(n);
    }
    if (IsKeyword("has")) {
      Advance();
      Literal lit = ParseLiteral();
      n.op = Op::kHas;
      if (attr && attr->type != AttrType::kSet) {
        TypeError(name.offset, fmt::format("'has' needs a set attribute; '{}' is a {}", attr->id,
                                           AttrTypeName(attr->type)));
      } else if (attr) {
        int idx = EnumIndex(*attr, lit);
        if (idx >= 0) n.mask = uint64_t{1} << idx;
      }
      return Add(n);
    }
    n.op = Op::kBoolAttr;
    if (attr && attr->type != AttrType::kBool) {
      TypeError(name.offset,
                fmt::format("'{}' is a {}, not a bool: compare it (e.g. {} == ...)", attr->id,
                            AttrTypeName(attr->type), attr->id));
    }
    return Add(n);
  }

  Lexer lex_;
  const ConditionEnv& env_;
  Expr* out_;
  std::vector<ConditionError>* errors_;
  Token cur_;
  int type_errors_ = 0;
};

}  // namespace

bool ParseCondition(std::string_view text, const ConditionEnv& env, Expr* out,
                    std::vector<ConditionError>* errors) {
  *out = Expr{};
  out->source = std::string(text);
  Parser p(text, env, out, errors);
  return p.Run();
}

}  // namespace eucomply::kb
