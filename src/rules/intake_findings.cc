// The inferences of one listing as the intake phases add them (internal/intake_findings.h).
#include "rules/internal/intake_findings.h"

#include <algorithm>
#include <utility>

namespace eucomply::intake {

void Findings::AddCategory(Inference inf) {
  Found f;
  f.pos = 0;
  f.inf = std::move(inf);
  f.inf.attribute = kCategoryAttr;
  found_.push_back(std::move(f));
}

int Findings::category() const {
  return !found_.empty() && found_.front().inf.attribute == kCategoryAttr
             ? found_.front().inf.category
             : -1;
}

void Findings::Add(int attr, const Value& v, const std::string& evidence, size_t pos,
                   bool override_number, bool quantity) {
  auto it = slot_.find(attr);
  if (it == slot_.end()) {
    Found f;
    f.pos = pos;
    f.quantity = quantity;
    f.inf.attribute = attr;
    f.inf.value = v;
    f.inf.evidence = evidence;
    slot_[attr] = found_.size();
    found_.push_back(f);
    return;
  }
  Found& f = found_[it->second];
  if (v.kind == Value::Kind::kSet && f.inf.value.kind == Value::Kind::kSet) {
    if ((f.inf.value.bits | v.bits) != f.inf.value.bits) {
      f.inf.value.bits |= v.bits;
      f.inf.evidence += ", " + evidence;
    }
  } else if (override_number) {
    f.inf.value = v;
    f.inf.evidence = evidence;
    f.quantity = quantity;
  }
}

void Findings::AddQuantity(int attr, double v, const std::string& evidence, size_t pos, Keep keep) {
  auto it = slot_.find(attr);
  bool replace = it == slot_.end() || !found_[it->second].quantity;
  if (!replace) {
    const double old = found_[it->second].inf.value.num;
    replace = keep == Keep::kLargest ? old < v : old > v;
  }
  Add(attr, Value::Number(v), evidence, pos, replace, true);
}

std::vector<Inference> Findings::TakeInferences() {
  std::stable_sort(found_.begin(), found_.end(), [](const Found& a, const Found& b) {
    if ((a.inf.attribute == kCategoryAttr) != (b.inf.attribute == kCategoryAttr)) {
      return a.inf.attribute == kCategoryAttr;
    }
    return a.pos < b.pos;
  });
  std::vector<Inference> out;
  out.reserve(found_.size());
  for (auto& f : found_) out.push_back(std::move(f.inf));
  found_.clear();
  slot_.clear();
  return out;
}

}  // namespace eucomply::intake
