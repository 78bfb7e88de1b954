// standards/*.yaml (standards cited under acts), standards/fit/*.yaml (which standards fit
// which products) and the Official Journal lists of standards/harmonised.
#include <fmt/format.h>

#include "kb/internal/loader.h"

namespace eucomply {

void KnowledgeBaseLoader::LoadStandards(const std::vector<File>& files) {
  std::vector<std::pair<const File*, YAML::Node>> nodes;
  ForEachListItem(files, "standards", "a standard", [&](const File& f, const YAML::Node& n) {
    CheckKeys(f, n,
              {"id", "ref", "title", "acts", "oj_date", "superseded_by", "presumption_until",
               "cite", "unconfirmed", "note"});
    Standard s;
    s.id = GetId(f, n);
    if (auto ref = Str(f, n, "ref", true)) s.ref = *ref;
    s.title = GetText(f, n, "title", true);
    ReadSourced(f, n, &s, true);
    YAML::Node acts = n["acts"];
    if (!acts || !acts.IsSequence() || acts.size() == 0) {
      Error(f, n, "'acts' must list at least one act (CELEX) the standard is cited under");
    } else {
      for (const auto& a : acts) {
        if (kb_->FindAct(a.Scalar()) < 0) {
          Error(f, a, fmt::format("standard '{}': unknown act '{}'", s.id, a.Scalar()));
        } else {
          s.acts.push_back(kb_->acts_[kb_->FindAct(a.Scalar())].celex);
        }
      }
    }
    s.oj_date = GetDate(f, n, "oj_date", false);
    s.presumption_until = GetDate(f, n, "presumption_until", false);
    if (auto sup = Str(f, n, "superseded_by", false)) s.superseded_by = *sup;
    if (Declare(f, n, "standard", false, std::move(s), &kb_->standards_, &kb_->standard_index_)) {
      nodes.emplace_back(&f, n);
    }
  });
  // A standard may be superseded by one declared after it.
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Standard& s = kb_->standards_[i];
    if (!s.superseded_by.empty() && kb_->FindStandard(s.superseded_by) < 0) {
      Error(*nodes[i].first, nodes[i].second["superseded_by"],
            fmt::format("unknown standard '{}'", s.superseded_by));
    }
  }
}

void KnowledgeBaseLoader::LoadStandardFits(const std::vector<File>& files) {
  ForEachListItem(files, "fits", "a standard fit", [&](const File& f, const YAML::Node& n) {
    CheckKeys(f, n,
              {"number", "act", "role", "categories", "when", "why", "standard", "ref", "title",
               "source", "cite", "unconfirmed", "note"});
    StandardFit x;
    ReadSourced(f, n, &x, false);
    if (auto a = Str(f, n, "act", true)) {
      x.act = kb_->FindAct(*a);
      if (x.act < 0) Error(f, n["act"], fmt::format("unknown act '{}'", *a));
    }
    x.role = Str(f, n, "role", true).value_or("");
    if (x.role != "product" && x.role != "general" && x.role != "horizontal" &&
        x.role != "customary") {
      Error(f, n["role"] ? n["role"] : n, "role must be product, general, horizontal or customary");
    }
    if (YAML::Node c = n["categories"]) {
      x.categories = ResolveIds(f, c, "categories", "category", &KnowledgeBase::FindCategory);
    }
    if (YAML::Node w = n["when"]) x.when = Condition(f, w);
    x.why = GetText(f, n, "why", true);
    x.source = Str(f, n, "source", true).value_or("");
    if (auto st = Str(f, n, "standard", false)) {
      x.standard = kb_->FindStandard(*st);
      if (x.standard < 0) {
        Error(f, n["standard"], fmt::format("unknown standard '{}' (standards/*.yaml)", *st));
      }
    }
    x.number = Str(f, n, "number", false).value_or("");
    x.ref = Str(f, n, "ref", false).value_or("");
    if (n["title"]) x.title = GetText(f, n, "title", false);
    if (x.role == "customary" ? x.ref.empty() : (x.number.empty() && x.standard < 0)) {
      Error(f, n,
            x.role == "customary" ? "a customary test needs 'ref' and 'title'"
                                  : "a fit needs 'number' (of the OJ list) or 'standard'");
    }
    if (x.categories.empty() && x.when.empty()) Error(f, n, "a fit needs 'categories' or 'when'");
    kb_->standard_fits_.push_back(std::move(x));
  });
}

void KnowledgeBaseLoader::LoadHarmonisedLists() {
  if (!input_.harmonised_lists) return;
  auto& lists = *input_.harmonised_lists;
  if (!lists.ok()) {
    for (const std::string& m : lists.status().messages()) AddError(m);
    return;
  }
  kb_->harmonised_ =
      std::make_shared<const std::map<std::string, standards::ActList>>(std::move(*lists));
  // Each fit's rows: those of its act's list with the same standard number.
  for (StandardFit& x : kb_->standard_fits_) {
    if (x.number.empty() || x.act < 0) continue;
    auto it = kb_->harmonised_->find(kb_->acts_[x.act].celex);
    if (it == kb_->harmonised_->end()) continue;
    for (const standards::ListedStandard& r : it->second.rows) {
      if (standards::StandardNumber(r.ref) == x.number) x.rows.push_back(&r);
    }
  }
}

}  // namespace eucomply
