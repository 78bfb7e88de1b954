#include "eucomply/engine.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "common/enum_names.h"

namespace eucomply {

const char* VerdictStatusName(VerdictStatus s) {
  static constexpr const char* kNames[] = {"applies", "not_applicable", "undetermined", "upcoming",
                                           "no_longer_applies"};
  return EnumName(s, kNames);
}

const char* ReasonKindName(ReasonKind k) {
  static constexpr const char* kNames[] = {"scope", "exclusion", "note", "applies_from",
                                           "applies_until"};
  return EnumName(k, kNames);
}

Product Product::Empty(const KnowledgeBase& kb) {
  Product p;
  p.values.assign(kb.attributes().size(), Value{});
  p.sources.assign(kb.attributes().size(), ValueSource::kNone);
  p.evidence.assign(kb.attributes().size(), std::string());
  return p;
}

void ApplyCategoryDefaults(const KnowledgeBase& kb, Product* p) {
  if (p->category < 0) return;
  for (const auto& [attr, value] : kb.Defaults(p->category)) {
    if (!p->values[attr].known()) p->Set(attr, value, ValueSource::kCategoryDefault);
  }
}

namespace {

using kb::Cmp;
using kb::Expr;
using kb::Node;
using kb::Op;

Tri Not(Tri t) {
  if (t == Tri::kUnknown) return t;
  return t == Tri::kTrue ? Tri::kFalse : Tri::kTrue;
}
Tri FromBool(bool b) { return b ? Tri::kTrue : Tri::kFalse; }

// Kleene logic's OR (stop = kTrue) and AND (stop = kFalse) of `value_of` over `items`: `stop`
// as soon as one item is (the rest are not evaluated), else unknown if any item is, else the
// other value.
template <typename Range, typename ValueOf>
Tri Junction(Tri stop, const Range& items, ValueOf value_of) {
  Tri r = Not(stop);
  for (const auto& x : items) {
    Tri t = value_of(x);
    if (t == stop) return stop;
    if (t == Tri::kUnknown) r = Tri::kUnknown;
  }
  return r;
}

void SortUnique(std::vector<int>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// Evaluation state for one assessment: per-act "applies" truth, filled in evaluation order.
class Evaluator {
 public:
  Evaluator(const KnowledgeBase& kb, const Product& p, const std::vector<Tri>& applies)
      : kb_(kb), p_(p), applies_(applies) {}

  Tri Eval(const Expr& e) const { return e.empty() ? Tri::kTrue : Eval(e, e.root); }

  Tri Eval(const Expr& e, int i) const {
    const Node& n = e.nodes[i];
    const auto child = [&](int c) { return Eval(e, c); };
    switch (n.op) {
      case Op::kTrue: return Tri::kTrue;
      case Op::kFalse: return Tri::kFalse;
      case Op::kAnd: return Junction(Tri::kFalse, n.children, child);
      case Op::kOr: return Junction(Tri::kTrue, n.children, child);
      case Op::kNot: return Not(Eval(e, n.children[0]));
      case Op::kBoolAttr: {
        const Value& v = p_.values[n.attr];
        return v.known() ? FromBool(v.b) : Tri::kUnknown;
      }
      case Op::kCmp: return Compare(n);
      case Op::kIn:
      case Op::kHas: {
        const Value& v = p_.values[n.attr];
        if (!v.known()) return Tri::kUnknown;
        return FromBool((v.bits & n.mask) != 0);
      }
      case Op::kCategoryIn: {
        if (p_.category < 0) return Tri::kUnknown;
        for (int c : n.categories) {
          if (kb_.IsA(p_.category, c)) return Tri::kTrue;
        }
        return Tri::kFalse;
      }
      case Op::kKnown: return FromBool(p_.values[n.attr].known());
      case Op::kApplies: return applies_[n.act];
      case Op::kHarmonised: return AnyApplies([](const Act& a) { return a.harmonised; });
      case Op::kCeMarking: return AnyApplies([](const Act& a) { return a.ce_marking; });
    }
    return Tri::kUnknown;
  }

  // Kleene OR of the rules' conditions: does any of them hold?
  Tri AnyRule(const std::vector<Rule>& rules) const {
    return Junction(Tri::kTrue, rules, [&](const Rule& r) { return Eval(r.when); });
  }

  // Adds to `out` the unknown inputs that make node `i` unknown.
  void CollectUnknown(const Expr& e, int i, const std::vector<std::vector<int>>& act_missing,
                      std::vector<int>* out) const {
    if (Eval(e, i) != Tri::kUnknown) return;
    const Node& n = e.nodes[i];
    switch (n.op) {
      case Op::kAnd:
      case Op::kOr:
      case Op::kNot:
        for (int c : n.children) CollectUnknown(e, c, act_missing, out);
        return;
      case Op::kBoolAttr:
      case Op::kCmp:
      case Op::kIn:
      case Op::kHas: out->push_back(n.attr); return;
      case Op::kCategoryIn: out->push_back(kCategoryAttr); return;
      case Op::kApplies:
        out->insert(out->end(), act_missing[n.act].begin(), act_missing[n.act].end());
        return;
      case Op::kHarmonised:
      case Op::kCeMarking:
        for (size_t a = 0; a < kb_.acts().size(); ++a) {
          const Act& act = kb_.acts()[a];
          bool counts = n.op == Op::kHarmonised ? act.harmonised : act.ce_marking;
          if (counts && applies_[a] == Tri::kUnknown) {
            out->insert(out->end(), act_missing[a].begin(), act_missing[a].end());
          }
        }
        return;
      default: return;
    }
  }

  // CollectUnknown over the conditions of `rules` that are not empty.
  void CollectUnknown(const std::vector<Rule>& rules,
                      const std::vector<std::vector<int>>& act_missing,
                      std::vector<int>* out) const {
    for (const auto& r : rules) {
      if (!r.when.empty()) CollectUnknown(r.when, r.when.root, act_missing, out);
    }
  }

 private:
  Tri Compare(const Node& n) const {
    const Value& v = p_.values[n.attr];
    if (!v.known()) return Tri::kUnknown;
    switch (v.kind) {
      case Value::Kind::kNumber: {
        switch (n.cmp) {
          case Cmp::kEq: return FromBool(v.num == n.num);
          case Cmp::kNe: return FromBool(v.num != n.num);
          case Cmp::kLt: return FromBool(v.num < n.num);
          case Cmp::kLe: return FromBool(v.num <= n.num);
          case Cmp::kGt: return FromBool(v.num > n.num);
          case Cmp::kGe: return FromBool(v.num >= n.num);
        }
        return Tri::kUnknown;
      }
      case Value::Kind::kBool: {
        bool eq = v.b == n.bool_value;
        return FromBool(n.cmp == Cmp::kEq ? eq : !eq);
      }
      case Value::Kind::kEnum: {
        bool eq = (v.bits & n.mask) != 0;
        return FromBool(n.cmp == Cmp::kEq ? eq : !eq);
      }
      default: return Tri::kUnknown;
    }
  }

  template <typename Pred>
  Tri AnyApplies(Pred pred) const {
    Tri r = Tri::kFalse;
    const auto& acts = kb_.acts();
    for (size_t i = 0; i < acts.size(); ++i) {
      if (!pred(acts[i])) continue;
      if (applies_[i] == Tri::kTrue) return Tri::kTrue;
      if (applies_[i] == Tri::kUnknown) r = Tri::kUnknown;
    }
    return r;
  }

  const KnowledgeBase& kb_;
  const Product& p_;
  const std::vector<Tri>& applies_;
};

bool BeforeStart(const Act& act, const Date& as_of) {
  return act.applies_from && as_of < act.applies_from->date;
}
bool AfterEnd(const Act& act, const Date& as_of) {
  return act.applies_until && as_of > act.applies_until->date;
}

// NextQuestion's trials: copies the verdict of act `a` from the settled assessment when it
// cannot change (see AssessOptions::settled). Returns false when `a` must be evaluated.
bool CopySettled(const Act& act, int a, const AssessOptions& opts, ActVerdict* v,
                 std::vector<Tri>* applies) {
  if (opts.settled == nullptr) return false;
  const ActVerdict& s = opts.settled->acts[a];
  if (s.status == VerdictStatus::kUndetermined ||
      std::binary_search(act.known_attributes.begin(), act.known_attributes.end(),
                         opts.trial_attribute)) {
    return false;
  }
  v->status = s.status;
  v->scope = s.scope;
  const bool outside = BeforeStart(act, opts.as_of) || AfterEnd(act, opts.as_of);
  (*applies)[a] = outside ? Tri::kFalse : s.scope;
  return true;
}

// scope := (OR scope rules) AND NOT (OR exclusions)
Tri EvaluateScope(const Evaluator& ev, const Act& act) {
  const Tri in = ev.AnyRule(act.scope);
  const Tri excluded = ev.AnyRule(act.exclusions);
  if (in == Tri::kFalse || excluded == Tri::kTrue) return Tri::kFalse;
  if (in == Tri::kTrue && excluded == Tri::kFalse) return Tri::kTrue;
  return Tri::kUnknown;
}

// The status of an act from its scope and whether the assessment date is before it starts or
// after it ends to apply.
VerdictStatus StatusOf(Tri scope, bool before, bool after) {
  if (scope == Tri::kFalse) return VerdictStatus::kNotApplicable;
  if (after) return VerdictStatus::kNoLongerApplies;
  if (scope == Tri::kUnknown) return VerdictStatus::kUndetermined;
  if (before) return VerdictStatus::kUpcoming;
  return VerdictStatus::kApplies;
}

// The reasons for `v->status` and, when undetermined, the unknown inputs it waits for.
void ExplainVerdict(const Evaluator& ev, const Act& act, bool before,
                    const std::vector<std::vector<int>>& act_missing, ActVerdict* v) {
  if (v->status == VerdictStatus::kNotApplicable) {
    // The exclusions that hold; without one, every scope rule failed.
    bool any_exclusion = false;
    for (const auto& r : act.exclusions) {
      if (ev.Eval(r.when) == Tri::kTrue) {
        v->reasons.push_back({ReasonKind::kExclusion, Tri::kTrue, &r, nullptr});
        any_exclusion = true;
      }
    }
    if (!any_exclusion) {
      for (const auto& r : act.scope) {
        v->reasons.push_back({ReasonKind::kScope, Tri::kFalse, &r, nullptr});
      }
    }
    return;
  }
  for (const auto& r : act.scope) {
    Tri t = ev.Eval(r.when);
    if (t != Tri::kFalse) v->reasons.push_back({ReasonKind::kScope, t, &r, nullptr});
  }
  for (const auto& r : act.exclusions) {
    Tri t = ev.Eval(r.when);
    if (t == Tri::kUnknown) v->reasons.push_back({ReasonKind::kExclusion, t, &r, nullptr});
  }
  if (v->status == VerdictStatus::kNoLongerApplies) {
    v->reasons.push_back({ReasonKind::kAppliesUntil, Tri::kTrue, nullptr, &*act.applies_until});
    return;
  }
  if (v->status == VerdictStatus::kUndetermined) {
    ev.CollectUnknown(act.scope, act_missing, &v->missing);
    ev.CollectUnknown(act.exclusions, act_missing, &v->missing);
    SortUnique(&v->missing);
  }
  if (before) {
    v->reasons.push_back({ReasonKind::kAppliesFrom, Tri::kTrue, nullptr, &*act.applies_from});
  }
}

// The verdict of one obligation of an act that applies or is upcoming; nullopt when the
// obligation does not bind the product (its condition is false, or it ended).
std::optional<ObligationVerdict> EvaluateObligation(
    const Evaluator& ev, const Act& act, const Obligation& o, VerdictStatus act_status,
    const AssessOptions& opts, const std::vector<std::vector<int>>& act_missing) {
  if (o.until && opts.as_of > *o.until) return std::nullopt;
  Tri t = ev.Eval(o.when);
  if (t == Tri::kFalse) return std::nullopt;
  ObligationVerdict ov;
  ov.obligation = &o;
  if (act_status == VerdictStatus::kUpcoming && !(o.from && *o.from <= opts.as_of)) {
    // An obligation with its own earlier date (an article that applies before the rest
    // of the act, such as the CRA's reporting duty) applies from that date.
    ov.status = VerdictStatus::kUpcoming;
    ov.from = o.from ? *o.from : act.applies_from->date;
  } else if (o.from && opts.as_of < *o.from) {
    ov.status = VerdictStatus::kUpcoming;
    ov.from = o.from;
  } else {
    ov.status = t == Tri::kTrue ? VerdictStatus::kApplies : VerdictStatus::kUndetermined;
    if (t == Tri::kUnknown && !o.when.empty()) {
      ev.CollectUnknown(o.when, o.when.root, act_missing, &ov.missing);
      SortUnique(&ov.missing);
    }
  }
  return ov;
}

// The notes that hold and, with opts.obligations, the obligations that bind and the
// standards that fit, of act `a` (which applies or is upcoming).
void EvaluateNotesAndObligations(const KnowledgeBase& kb, const Evaluator& ev,
                                 const Product& product, int a, const AssessOptions& opts,
                                 const std::vector<std::vector<int>>& act_missing,
                                 ActVerdict* v) {
  const Act& act = kb.acts()[a];
  for (const auto& r : act.notes) {
    if (ev.Eval(r.when) == Tri::kTrue) {
      v->reasons.push_back({ReasonKind::kNote, Tri::kTrue, &r, nullptr});
    }
  }
  if (!opts.obligations) return;
  for (const auto& o : act.obligations) {
    if (auto ov = EvaluateObligation(ev, act, o, v->status, opts, act_missing)) {
      v->obligations.push_back(std::move(*ov));
    }
  }
  // The standards that fit the product: its category (known) and the fit's condition (true).
  for (const StandardFit& f : kb.standard_fits()) {
    if (f.act != a) continue;
    if (!f.categories.empty()) {
      if (product.category < 0) continue;
      bool in = false;
      for (int c : f.categories) in = in || kb.IsA(product.category, c);
      if (!in) continue;
    }
    if (ev.Eval(f.when) != Tri::kTrue) continue;
    FitVerdict fv;
    fv.fit = &f;
    for (const auto* r : f.rows) {
      if (standards::InForce(*r, opts.as_of)) fv.rows.push_back(r);
    }
    if (!f.number.empty() && fv.rows.empty()) continue;  // no edition in force on the date
    v->fits.push_back(std::move(fv));
  }
  auto rank = [](const std::string& role) {
    return role == "product" ? 0 : role == "general" ? 1 : role == "horizontal" ? 2 : 3;
  };
  std::stable_sort(v->fits.begin(), v->fits.end(), [&](const FitVerdict& x, const FitVerdict& y) {
    return rank(x.fit->role) < rank(y.fit->role);
  });
}

}  // namespace

void Assess(const KnowledgeBase& kb, const Product& product, const AssessOptions& opts,
            Assessment* out) {
  const auto& acts = kb.acts();
  out->as_of = opts.as_of;
  out->acts.resize(acts.size());
  thread_local std::vector<Tri> applies;
  thread_local std::vector<std::vector<int>> missing;
  applies.assign(acts.size(), Tri::kFalse);
  missing.resize(acts.size());
  Evaluator ev(kb, product, applies);

  for (int a : kb.evaluation_order()) {
    const Act& act = acts[a];
    ActVerdict& v = out->acts[a];
    v.act = a;
    v.reasons.clear();
    v.missing.clear();
    v.obligations.clear();
    v.fits.clear();
    missing[a].clear();
    if (CopySettled(act, a, opts, &v, &applies)) continue;
    const Tri scope = EvaluateScope(ev, act);
    const bool before = BeforeStart(act, opts.as_of);
    const bool after = AfterEnd(act, opts.as_of);
    v.scope = scope;
    v.status = StatusOf(scope, before, after);
    if (opts.explain) {
      ExplainVerdict(ev, act, before, missing, &v);
      missing[a] = v.missing;
    }
    applies[a] = (before || after) ? Tri::kFalse : scope;
  }

  // Notes and obligations may refer to any act: evaluate them once every status is known.
  if (!opts.explain) return;
  for (size_t a = 0; a < acts.size(); ++a) {
    ActVerdict& v = out->acts[a];
    if (v.status != VerdictStatus::kApplies && v.status != VerdictStatus::kUpcoming) continue;
    EvaluateNotesAndObligations(kb, ev, product, static_cast<int>(a), opts, missing, &v);
  }
}

Assessment Assess(const KnowledgeBase& kb, const Product& product, const AssessOptions& opts) {
  Assessment out;
  Assess(kb, product, opts, &out);
  return out;
}

namespace {

// The answers NextQuestion tries for an attribute.
std::vector<Value> CandidateValues(const Attribute& attr) {
  std::vector<Value> vals;
  switch (attr.type) {
    case AttrType::kBool:
      vals = {Value::Bool(true), Value::Bool(false)};
      break;
    case AttrType::kEnum:
      for (size_t i = 0; i < attr.values.size(); ++i) vals.push_back(Value::Enum(static_cast<int>(i)));
      break;
    case AttrType::kSet:
      vals.push_back(Value::Set(0));
      for (size_t i = 0; i < attr.values.size(); ++i) vals.push_back(Value::Set(uint64_t{1} << i));
      break;
    case AttrType::kNumber: {
      const auto& t = attr.thresholds;
      if (t.empty()) {
        vals.push_back(Value::Number(0));
        break;
      }
      auto eps = [](double x) { return 1e-6 * std::max(1.0, std::fabs(x)); };
      vals.push_back(Value::Number(t.front() - eps(t.front())));
      for (double x : t) {
        vals.push_back(Value::Number(x));
        vals.push_back(Value::Number(x + eps(x)));
      }
      break;
    }
  }
  return vals;
}

// The obligations step: of the unknown attributes that undetermined obligations of applying
// or upcoming acts read, the one most of them read (ties: the data's priority, then the id).
std::optional<Question> NextObligationQuestion(const KnowledgeBase& kb, const Assessment& assessment,
                                               const std::set<int>& skip) {
  std::map<int, Question> by_attr;
  for (const auto& v : assessment.acts) {
    if (v.status != VerdictStatus::kApplies && v.status != VerdictStatus::kUpcoming) continue;
    for (const auto& o : v.obligations) {
      if (o.status != VerdictStatus::kUndetermined) continue;
      for (int attr : o.missing) {
        if (attr < 0 || skip.count(attr)) continue;
        Question& q = by_attr[attr];
        q.attribute = attr;
        q.for_obligations = true;
        q.settles += 1;
        if (q.acts.empty() || q.acts.back() != v.act) q.acts.push_back(v.act);
      }
    }
  }
  std::optional<Question> best;
  for (auto& [attr, q] : by_attr) {
    if (!best) {
      best = q;
      continue;
    }
    const Attribute& a = kb.attributes()[attr];
    const Attribute& b = kb.attributes()[best->attribute];
    if (q.settles > best->settles || (q.settles == best->settles &&
                                      (a.priority > b.priority || (a.priority == b.priority && a.id < b.id)))) {
      best = q;
    }
  }
  return best;
}

}  // namespace

std::optional<Question> NextQuestion(const KnowledgeBase& kb, const Product& product,
                                     const AssessOptions& opts, const Assessment& assessment,
                                     const std::set<int>& skip) {
  std::vector<int> undetermined;
  std::vector<int> candidates;
  for (const auto& v : assessment.acts) {
    if (v.status != VerdictStatus::kUndetermined) continue;
    undetermined.push_back(v.act);
    candidates.insert(candidates.end(), v.missing.begin(), v.missing.end());
  }
  if (undetermined.empty()) return NextObligationQuestion(kb, assessment, skip);
  SortUnique(&candidates);

  AssessOptions quick = opts;
  quick.obligations = false;
  quick.explain = false;
  quick.settled = &assessment;
  std::optional<Question> best;
  int best_priority = -1;
  std::string best_id;
  Assessment scratch;
  for (int attr : candidates) {
    if (skip.count(attr)) continue;
    Question q;
    q.attribute = attr;
    for (int a : undetermined) {
      const auto& m = assessment.acts[a].missing;
      if (std::binary_search(m.begin(), m.end(), attr)) q.acts.push_back(a);
    }
    int priority;
    std::string id;
    if (attr == kCategoryAttr) {
      // The category is asked first whenever it is open: it settles defaults for many
      // attributes at once, which trial values cannot measure.
      q.settles = static_cast<double>(q.acts.size());
      return q;
    } else {
      const Attribute& a = kb.attributes()[attr];
      priority = a.priority;
      id = a.id;
      std::vector<Value> trials = CandidateValues(a);
      double settled = 0;
      Product trial = product;
      quick.trial_attribute = attr;
      for (const Value& val : trials) {
        trial.values[attr] = val;
        Assess(kb, trial, quick, &scratch);
        for (int u : undetermined) {
          if (scratch.acts[u].status != VerdictStatus::kUndetermined) settled += 1;
        }
      }
      q.settles = trials.empty() ? 0 : settled / static_cast<double>(trials.size());
    }
    bool better = !best || q.settles > best->settles + 1e-9 ||
                  (std::fabs(q.settles - best->settles) <= 1e-9 &&
                   (priority > best_priority || (priority == best_priority && id < best_id)));
    if (better) {
      best = q;
      best_priority = priority;
      best_id = id;
    }
  }
  return best;
}

}  // namespace eucomply
