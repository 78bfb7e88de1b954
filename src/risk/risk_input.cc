// Reading a risk document (docs/risk-format.md): one schema over JSON, for YAML and JSON input.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "eucomply/date.h"
#include "eucomply/risk.h"
#include "risk/schema.h"
#include "risk/yaml_json.h"

namespace eucomply::risk {

using nlohmann::json;

namespace {

constexpr size_t kMaxScenarios = 50;

std::optional<User> ReadUser(Checker& c, const json& j, const std::string& p) {
  if (!c.Object(j, p, {"group", "age_months", "age_years", "intended", "description"})) {
    return std::nullopt;
  }
  User u;
  if (auto g = c.String(j, p, "group", false)) {
    if (*g == "child") u.group = UserGroup::kChild;
    else if (*g == "adult") u.group = UserGroup::kAdult;
    else if (*g == "older_person") u.group = UserGroup::kOlderPerson;
    else if (*g == "person_with_disability") u.group = UserGroup::kDisabled;
    else c.Error(Child(p, "group"), fmt::format("unknown user group '{}' (child, adult, older_person, person_with_disability)", *g));
  }
  auto months = c.Integer(j, p, "age_months", false, 0, 1500);
  auto years = c.Integer(j, p, "age_years", false, 0, 125);
  if (months && years) c.Error(p, "give age_months or age_years, not both");
  if (months) u.age_months = static_cast<int>(*months);
  else if (years) u.age_months = static_cast<int>(*years * 12);
  if (u.age_months && u.group == UserGroup::kUnknown) {
    u.group = *u.age_months < 14 * 12 ? UserGroup::kChild : UserGroup::kAdult;
  }
  u.intended = c.Bool(j, p, "intended").value_or(true);
  u.description = c.String(j, p, "description", false).value_or("");
  return u;
}

void ReadProduct(const KnowledgeBase& kb, Checker& c, const json& j, RiskInput* in) {
  const std::string p = "/product";
  if (!c.Object(j, p, {"name", "description", "category", "attributes", "text", "kinds"})) return;
  json product = j;
  product.erase("kinds");
  in->product_kinds = c.Strings(j, p, "kinds");
  // The product adapter of `assess`; its problems carry pointers inside the product object.
  static constexpr std::string_view kTag = "\x01";
  auto prod = ParseProductJson(kb, product, kTag);
  if (prod.ok()) {
    in->product = std::move(*prod);
    // A listing text alone names the product, as in `eucomply assess --text`.
    if (in->product.name.empty() && j.contains("text") && j["text"].is_string()) {
      in->product.name = j["text"].get<std::string>();
    }
    return;
  }
  for (const Problem& m : prod.status().problems()) {
    if (m.source == kTag && m.pointer) c.Error(m.pointer->empty() ? p : p + *m.pointer, m.message);
    else c.Error(p, m.ToString());
  }
}

void ReadStep(Checker& c, const json& j, const std::string& p, Scenario* s) {
  Step st;
  if (j.is_string() || j.is_number()) {
    c.Error(p, "a step is a mapping {text, probability}");
    return;
  }
  if (!c.Object(j, p, {"text", "probability"})) return;
  st.text = c.String(j, p, "text", false).value_or("");
  auto pt = c.NumberText(j, p, "probability", true);
  if (pt) {
    st.probability_text = *pt;
    auto pr = ParseProbability(*pt);
    if (pr.ok()) st.probability = *pr;
    else c.Error(Child(p, "probability"), pr.status().message());
  }
  s->steps.push_back(std::move(st));
}

void ReadScenario(const HazardLibrary& lib, Checker& c, const json& j, const std::string& p,
                  RiskInput* in) {
  if (!c.Object(j, p, {"hazard", "description", "severity", "injury", "user", "steps",
                       "defective_component"})) {
    return;
  }
  Scenario s;
  s.hazard = c.String(j, p, "hazard", true).value_or("");
  if (!s.hazard.empty() && !lib.FindHazard(s.hazard)) {
    std::string list;
    for (const Hazard& h : lib.hazards()) list += (list.empty() ? "" : ", ") + h.id;
    c.Error(Child(p, "hazard"), fmt::format("unknown hazard '{}' (known: {})", s.hazard, list));
  }
  s.description = c.String(j, p, "description", false).value_or("");
  auto sev = c.Integer(j, p, "severity", false, 1, 4);
  s.injury = c.String(j, p, "injury", false).value_or("");
  const Injury* inj = s.injury.empty() ? nullptr : lib.FindInjury(s.injury);
  if (!s.injury.empty() && !inj) {
    c.Error(Child(p, "injury"), fmt::format("unknown injury '{}' (GET /api/v1/risk/hazards lists them)", s.injury));
  }
  if (sev) {
    s.severity = static_cast<int>(*sev);
  } else if (inj) {
    s.severity = inj->severity;
    s.severity_from_injury = true;
  } else if (!j.contains("severity") && s.injury.empty()) {
    c.Error(p, "missing 'severity' (1-4) or 'injury' (an injury type that suggests one)");
  }
  if (j.contains("user") && !j["user"].is_null()) s.user = ReadUser(c, j["user"], Child(p, "user"));
  s.defective_component = c.Bool(j, p, "defective_component");
  if (!j.contains("steps") || !j["steps"].is_array()) {
    c.Error(p, "missing 'steps' (a list of 3 to 5 steps, Annex II 3.2.3-3.2.4)");
  } else {
    const json& st = j["steps"];
    const std::string sp = Child(p, "steps");
    if (st.size() < 3) {
      c.Error(sp, fmt::format("a harm scenario has at least 3 steps (Annex II 3.2.3), not {}", st.size()));
    } else if (st.size() > 5) {
      c.Error(sp, fmt::format("a harm scenario has at most 5 steps (Annex II 3.2.4), not {}", st.size()));
    }
    for (size_t k = 0; k < st.size() && k < 16; ++k) ReadStep(c, st[k], Child(sp, k), &s);
  }
  in->scenarios.push_back(std::move(s));
}

Result<RiskInput> Read(const KnowledgeBase& kb, const HazardLibrary& lib, const JsonDoc& d) {
  Checker c(d);
  RiskInput in;
  in.product = Product::Empty(kb);
  const json& root = d.json;
  if (!c.Object(root, "", {"product", "user", "facts", "assessor", "date", "scenarios"})) {
    return Status(StatusCode::kInvalidArgument, c.TakeErrors());
  }
  if (root.contains("product") && !root["product"].is_null()) ReadProduct(kb, c, root["product"], &in);
  if (root.contains("user") && !root["user"].is_null()) {
    if (auto u = ReadUser(c, root["user"], "/user")) in.user = *u;
  }
  if (root.contains("facts") && !root["facts"].is_null()) {
    const json& f = root["facts"];
    if (c.Object(f, "/facts", {"operator_says_serious", "voluntary_measure", "banned_substance",
                               "users_can_protect", "users_informed"})) {
      in.operator_says_serious = c.Bool(f, "/facts", "operator_says_serious");
      in.voluntary_measure = c.Bool(f, "/facts", "voluntary_measure");
      in.banned_substance = c.Bool(f, "/facts", "banned_substance");
      in.users_can_protect = c.Bool(f, "/facts", "users_can_protect");
      in.users_informed = c.Bool(f, "/facts", "users_informed");
    }
  }
  in.assessor = c.String(root, "", "assessor", false).value_or("");
  in.date = c.String(root, "", "date", false).value_or("");
  if (!in.date.empty() && !Date::Parse(in.date)) c.Error("/date", fmt::format("'{}' is not a date YYYY-MM-DD", in.date));
  if (!root.contains("scenarios") || !root["scenarios"].is_array() || root["scenarios"].empty()) {
    c.Error(root.contains("scenarios") ? "/scenarios" : "",
            "missing 'scenarios': one harm scenario per hazard (Annex II 3.2.2)");
  } else if (root["scenarios"].size() > kMaxScenarios) {
    c.Error("/scenarios", fmt::format("at most {} scenarios", kMaxScenarios));
  } else {
    for (size_t i = 0; i < root["scenarios"].size(); ++i) {
      ReadScenario(lib, c, root["scenarios"][i], Child("/scenarios", i), &in);
    }
  }
  if (!c.errors().empty()) return Status(StatusCode::kInvalidArgument, c.TakeErrors());
  return in;
}

}  // namespace

Result<RiskInput> ParseRiskYaml(const KnowledgeBase& kb, const HazardLibrary& lib,
                                std::string_view text, std::string_view source) {
  auto d = ReadYamlAsJson(text, source);
  if (!d.ok()) return d.status();
  return Read(kb, lib, *d);
}

Result<RiskInput> ParseRiskJson(const KnowledgeBase& kb, const HazardLibrary& lib,
                                std::string_view text, std::string_view source) {
  auto d = ReadJson(text, source);
  if (!d.ok()) return d.status();
  return Read(kb, lib, *d);
}

Result<RiskInput> LoadRiskFile(const KnowledgeBase& kb, const HazardLibrary& lib,
                               const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::NotFound(fmt::format("{}: cannot be read", path));
  std::stringstream ss;
  ss << f.rdbuf();
  if (path.ends_with(".json")) return ParseRiskJson(kb, lib, ss.str(), path);
  return ParseRiskYaml(kb, lib, ss.str(), path);
}

}  // namespace eucomply::risk
