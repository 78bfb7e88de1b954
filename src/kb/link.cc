// What is derived once every section is loaded: the order in which acts are evaluated, the
// attributes each act's status may turn on through known(), and every attribute's thresholds.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "kb/internal/loader.h"

namespace eucomply {
namespace {

void CollectActRefs(const kb::Expr& e, std::set<int>* acts, bool* harmonised, bool* ce) {
  for (const auto& n : e.nodes) {
    if (n.op == kb::Op::kApplies && n.act >= 0) acts->insert(n.act);
    if (n.op == kb::Op::kHarmonised) *harmonised = true;
    if (n.op == kb::Op::kCeMarking) *ce = true;
  }
}

}  // namespace

void KnowledgeBaseLoader::OrderActs() {
  const int n = static_cast<int>(kb_->acts_.size());
  // Only scope and exclusion rules decide an act's status; notes and obligations are
  // evaluated after every status is known, so they may refer to any act.
  std::vector<std::set<int>> deps(n);
  for (int i = 0; i < n; ++i) {
    const Act& a = kb_->acts_[i];
    bool harm = false, ce = false;
    for (const auto* rules : {&a.scope, &a.exclusions}) {
      for (const auto& r : *rules) CollectActRefs(r.when, &deps[i], &harm, &ce);
    }
    for (int j = 0; j < n; ++j) {
      if ((harm && kb_->acts_[j].harmonised) || (ce && kb_->acts_[j].ce_marking)) deps[i].insert(j);
    }
  }
  std::vector<int> state(n, 0);
  std::function<void(int)> visit = [&](int i) {
    if (state[i] == 2) return;
    if (state[i] == 1) {
      AddError(
          fmt::format("{}: act {} is part of a cycle of applies()/harmonised()/ce_marking() "
                      "references in scope or exclusion rules",
                      kb_->acts_[i].pos.ToString(), kb_->acts_[i].short_name));
      return;
    }
    state[i] = 1;
    for (int d : deps[i]) visit(d);
    state[i] = 2;
    kb_->evaluation_order_.push_back(i);
  };
  for (int i = 0; i < n; ++i) visit(i);
  // In evaluation order, so an act's references are settled before it.
  for (int i : kb_->evaluation_order_) {
    Act& a = kb_->acts_[i];
    std::set<int> attrs;
    for (const auto* rules : {&a.scope, &a.exclusions}) {
      for (const auto& r : *rules) {
        for (const auto& node : r.when.nodes) {
          if (node.op == kb::Op::kKnown) attrs.insert(node.attr);
        }
      }
    }
    for (int d : deps[i]) {
      attrs.insert(kb_->acts_[d].known_attributes.begin(), kb_->acts_[d].known_attributes.end());
    }
    a.known_attributes.assign(attrs.begin(), attrs.end());
  }
}

void KnowledgeBaseLoader::CollectThresholds() {
  auto collect = [&](const kb::Expr& e) {
    for (const auto& node : e.nodes) {
      if (node.op == kb::Op::kCmp && node.attr >= 0 &&
          kb_->attributes_[node.attr].type == AttrType::kNumber) {
        kb_->attributes_[node.attr].thresholds.push_back(node.num);
      }
    }
  };
  for (const auto& a : kb_->acts_) {
    for (const auto* rules : {&a.scope, &a.exclusions, &a.notes}) {
      for (const auto& r : *rules) collect(r.when);
    }
    for (const auto& o : a.obligations) collect(o.when);
  }
  for (auto& attr : kb_->attributes_) {
    auto& t = attr.thresholds;
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
  }
}

}  // namespace eucomply
