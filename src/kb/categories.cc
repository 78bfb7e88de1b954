// categories/*.yaml: the product taxonomy, a single-rooted acyclic graph (a category may have
// several parents), with defaults inherited nearest-first and Safety Gate category names.
#include <fmt/format.h>

#include <functional>

#include "kb/internal/loader.h"

namespace eucomply {

void KnowledgeBaseLoader::LoadCategories(const std::vector<File>& files) {
  category_nodes_.clear();
  ForEachListItem(files, "categories", "a category",
                  [&](const File& f, const YAML::Node& n) { DeclareCategory(f, n); });
  // Parents may be declared after their children, so links wait for every declaration.
  const std::vector<std::vector<int>> parents = LinkCategories();
  IndexSafetyGateNames(ComputeAncestors(parents));
}

void KnowledgeBaseLoader::DeclareCategory(const File& f, const YAML::Node& n) {
  CheckKeys(f, n, {"id", "parent", "parents", "name", "safety_gate", "defaults"});
  Category c;
  c.pos = Pos(f, n);
  c.id = GetId(f, n);
  c.name = GetText(f, n, "name", true);
  if (n["parent"] && n["parents"]) Error(f, n, "use 'parent' or 'parents', not both");
  if (YAML::Node p = n["parent"]) {
    if (p.IsScalar()) {
      c.parent_ids.push_back(p.Scalar());
    } else {
      Error(f, p, "'parent' must be one category id");
    }
  }
  if (YAML::Node p = n["parents"]) {
    if (!p.IsSequence()) {
      Error(f, p, "'parents' must be a list");
    } else {
      for (const auto& x : p) c.parent_ids.push_back(x.Scalar());
    }
  }
  if (YAML::Node sg = n["safety_gate"]) {
    if (!sg.IsSequence()) {
      Error(f, sg, "'safety_gate' must be a list of names");
    } else {
      for (const auto& x : sg) c.safety_gate.push_back(x.Scalar());
    }
  }
  if (Declare(f, n, "category", true, std::move(c), &kb_->categories_, &kb_->category_index_)) {
    category_nodes_.emplace_back(&f, n);
  }
}

std::vector<std::vector<int>> KnowledgeBaseLoader::LinkCategories() {
  const int n_cat = static_cast<int>(kb_->categories_.size());
  std::vector<std::vector<int>> parents(n_cat);
  int roots = 0;
  for (int i = 0; i < n_cat; ++i) {
    const File& f = *category_nodes_[i].first;
    const YAML::Node& n = category_nodes_[i].second;
    Category& c = kb_->categories_[i];
    if (c.parent_ids.empty()) ++roots;
    for (const auto& p : c.parent_ids) {
      int pi = kb_->FindCategory(p);
      if (pi < 0) {
        Error(f, n, fmt::format("category '{}': unknown parent '{}'", c.id, p));
      } else {
        parents[i].push_back(pi);
      }
    }
    if (YAML::Node d = n["defaults"]) {
      if (!d.IsMap()) {
        Error(f, d, "'defaults' must be a map of attribute: value");
      } else {
        ParseAssignments(f, d, &c.defaults);
      }
    }
  }
  if (n_cat > 0 && roots != 1) {
    AddError(fmt::format("{}/categories: exactly one root category expected, found {}", input_.name,
                         roots));
  }
  return parents;
}

std::vector<int> KnowledgeBaseLoader::ComputeAncestors(
    const std::vector<std::vector<int>>& parents) {
  // Ancestors by depth-first search with cycle detection; defaults nearest-first.
  const int n_cat = static_cast<int>(kb_->categories_.size());
  const size_t words = (n_cat + 63) / 64;
  kb_->ancestors_.assign(n_cat, std::vector<uint64_t>(words, 0));
  kb_->defaults_.assign(n_cat, {});
  std::vector<int> state(n_cat, 0);  // 0 new, 1 in progress, 2 done
  std::function<void(int)> visit = [&](int c) {
    if (state[c] == 2) return;
    if (state[c] == 1) {
      AddError(fmt::format("{}: category '{}' is its own ancestor (a cycle)",
                           kb_->categories_[c].pos.ToString(), kb_->categories_[c].id));
      return;
    }
    state[c] = 1;
    auto& anc = kb_->ancestors_[c];
    anc[c >> 6] |= uint64_t{1} << (c & 63);
    auto& defs = kb_->defaults_[c];
    defs = kb_->categories_[c].defaults;
    for (int p : parents[c]) {
      visit(p);
      if (state[p] != 2) continue;
      for (size_t w = 0; w < words; ++w) anc[w] |= kb_->ancestors_[p][w];
      for (const auto& [attr, val] : kb_->defaults_[p]) {
        bool have = false;
        for (const auto& d : defs) have = have || d.first == attr;
        if (!have) defs.emplace_back(attr, val);
      }
    }
    state[c] = 2;
  };
  for (int i = 0; i < n_cat; ++i) visit(i);
  return state;
}

// `state` per category: 2 once its ancestors are complete; only then may IsA be asked of it.
void KnowledgeBaseLoader::IndexSafetyGateNames(const std::vector<int>& state) {
  // A Safety Gate name maps to one category; a subcategory may repeat its ancestor's name
  // (the index keeps the most general), but two unrelated categories may not share one.
  const int n_cat = static_cast<int>(kb_->categories_.size());
  for (int i = 0; i < n_cat; ++i) {
    for (const auto& name : kb_->categories_[i].safety_gate) {
      auto [it, inserted] = kb_->safety_gate_index_.emplace(name, i);
      if (inserted || it->second == i) continue;
      if (state[i] == 2 && state[it->second] == 2 && kb_->IsA(it->second, i)) {
        it->second = i;
      } else if (!(state[i] == 2 && state[it->second] == 2 && kb_->IsA(i, it->second))) {
        Error(*category_nodes_[i].first, category_nodes_[i].second,
              fmt::format("Safety Gate name '{}' already maps to '{}', which is not an "
                          "ancestor or descendant of '{}'",
                          name, kb_->categories_[it->second].id, kb_->categories_[i].id));
      }
    }
  }
}

}  // namespace eucomply
