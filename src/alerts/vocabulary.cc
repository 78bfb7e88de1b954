#include "alerts/vocabulary.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "alerts/internal/yaml_file.h"
#include "eucomply/text.h"

namespace eucomply::alerts {

std::string Vocabulary::Translate(std::string_view en, bool zh) const {
  if (!zh) return std::string(en);
  auto it = zh_.find(std::string(en));
  if (it != zh_.end()) return it->second;
  // "Other - Sky lantern": the category part translated, the free text kept.
  if (en.rfind("Other - ", 0) == 0) return "其他 - " + std::string(en.substr(8));
  return std::string(en);
}

std::string Vocabulary::TranslateMeasure(std::string_view en, bool zh) const {
  if (!zh) return std::string(en);
  if (auto it = zh_.find(std::string(en)); it != zh_.end()) return it->second;
  const std::string l = AsciiLower(en);
  static const std::pair<const char*, const char*> kParts[] = {
      {"import rejected", "拒绝进口"}, {"removal", "下架"},         {"stop of sales", "停止销售"},
      {"ban", "禁售"},                 {"withdraw", "撤出市场"},    {"recall", "召回"},
      {"destruction", "销毁"},         {"warning", "警示风险"},     {"corrective", "采取纠正措施"},
      {"seizure", "扣押"},             {"prior conditions", "附加销售条件"}, {"modification", "改进产品"},
  };
  std::string parts;
  for (const auto& [k, v] : kParts) {
    if (l.find(k) != std::string::npos) parts += (parts.empty() ? "" : "、") + std::string(v);
  }
  if (parts.empty()) return "其他措施";
  std::string who;
  if (l.find("manufacturer") != std::string::npos) who = "制造商";
  else if (l.find("importer") != std::string::npos) who = "进口商";
  else if (l.find("distributor") != std::string::npos) who = "经销商";
  else if (l.find("retailer") != std::string::npos || l.find("seller") != std::string::npos) who = "销售商";
  else if (l.find("marketplace") != std::string::npos) who = "在线市场";
  std::string out = (l.find("voluntary") != std::string::npos ? who + "自愿" : who) + parts;
  if (l.find("ordered by") != std::string::npos || l.find("authorit") != std::string::npos) out += "（主管机关责令）";
  return out;
}

std::vector<const Finding*> Vocabulary::FindingsIn(std::string_view text) const {
  const std::string t = AsciiLower(text);
  auto word_start = [&](size_t at) {
    if (at == 0) return true;
    unsigned char c = static_cast<unsigned char>(t[at - 1]);
    return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
  };
  std::vector<const Finding*> out;
  for (const Finding& f : findings_) {
    bool hit = false;
    for (const std::string& w : f.words) {
      for (size_t at = t.find(w); at != std::string::npos && !hit; at = t.find(w, at + 1)) hit = word_start(at);
      if (hit) break;
    }
    if (hit) out.push_back(&f);
  }
  return out;
}

Result<std::shared_ptr<const Vocabulary>> LoadVocabulary(const std::string& path) {
  Result<YAML::Node> loaded = internal::LoadYamlFile(path);
  if (!loaded.ok()) return loaded.status();
  const YAML::Node root = *loaded;
  auto v = std::make_shared<Vocabulary>();
  std::vector<std::string> errors;
  auto err = [&](const YAML::Node& n, const std::string& m) { errors.push_back(internal::Placed(path, n, m)); };
  auto text = [&](const YAML::Node& n, const char* k) -> std::string {
    if (!n[k] || !n[k].IsScalar() || n[k].Scalar().empty()) {
      err(n, fmt::format("missing '{}'", k));
      return "";
    }
    return n[k].Scalar();
  };
  if (!root.IsMap()) return Status::InvalidArgument(fmt::format("{}:1:1: expected a mapping", path));
  for (const char* list : {"risk_types", "categories", "levels", "measures", "countries"}) {
    const YAML::Node l = root[list];
    if ((std::string_view(list) == "measures" || std::string_view(list) == "countries") && !l) continue;  // optional
    if (!l || !l.IsSequence()) {
      err(root, fmt::format("missing '{}' (a list of {{en, zh}})", list));
      continue;
    }
    for (const auto& n : l) {
      const std::string en = text(n, "en"), zh = text(n, "zh");
      if (!en.empty() && !zh.empty()) v->zh_[en] = zh;
    }
  }
  const YAML::Node f = root["findings"];
  if (!f || !f.IsSequence()) err(root, "missing 'findings'");
  else {
    for (const auto& n : f) {
      Finding x;
      x.id = text(n, "id");
      x.en = text(n, "en");
      x.zh = text(n, "zh");
      if (!n["words"] || !n["words"].IsSequence() || n["words"].size() == 0) err(n, "a finding needs 'words'");
      else {
        for (const auto& w : n["words"]) x.words.push_back(AsciiLower(w.Scalar()));
      }
      v->findings_.push_back(std::move(x));
    }
  }
  if (!errors.empty()) return Status(StatusCode::kCorruption, std::move(errors));
  return std::shared_ptr<const Vocabulary>(std::move(v));
}

}  // namespace eucomply::alerts
