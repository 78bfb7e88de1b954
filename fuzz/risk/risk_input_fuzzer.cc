// libFuzzer target for the risk document parser (docs/risk-format.md): any bytes, read as
// YAML (first byte even) or JSON (odd), must give a risk input that assesses and reports, or
// an InvalidArgument whose messages name a place; never a crash, a hang or another status.
// Run:
//   ./risk_input_fuzzer -max_total_time=60 fuzz/risk/corpus
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "eucomply/kb.h"
#include "eucomply/risk.h"

namespace {

struct Loaded {
  std::shared_ptr<const eucomply::KnowledgeBase> kb;
  std::shared_ptr<const eucomply::risk::HazardLibrary> lib;
};

const Loaded& Fuzz() {
  // A fuzz entry point has no set-up hook: load once, on first use.
  static const Loaded l = [] {
    auto kb = eucomply::LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
    if (!kb.ok()) std::abort();
    auto lib = eucomply::risk::LoadHazardLibrary(**kb, std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/risk");
    if (!lib.ok()) std::abort();
    return Loaded{*kb, *lib};
  }();
  return l;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Loaded& f = Fuzz();
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  auto in = (data[0] % 2 == 0) ? eucomply::risk::ParseRiskYaml(*f.kb, *f.lib, text, "fuzz.yaml")
                               : eucomply::risk::ParseRiskJson(*f.kb, *f.lib, text, "fuzz.json");
  if (!in.ok()) {
    if (in.status().code() != eucomply::StatusCode::kInvalidArgument) std::abort();
    if (in.status().messages().empty()) std::abort();
    for (const std::string& m : in.status().messages()) {
      if (!m.starts_with("fuzz.yaml") && !m.starts_with("fuzz.json")) std::abort();  // no place named
    }
    return 0;
  }
  const eucomply::risk::RiskResult r = eucomply::risk::AssessRisk(*f.kb, *f.lib, *in);
  if (r.scenarios.size() != in->scenarios.size() || r.scenarios.empty()) std::abort();
  for (eucomply::Lang lang : {eucomply::Lang::kEn, eucomply::Lang::kZh}) {
    (void)eucomply::risk::RiskToJson(*f.kb, *f.lib, *in, r, lang)
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    (void)eucomply::risk::RiskReport(*f.kb, *f.lib, *in, r, lang, true);
  }
  return 0;
}
