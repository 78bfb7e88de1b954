// libFuzzer target for the harmonised-standards decision parser (EUR-Lex HTML) and the replay:
// any bytes give a decision or an InvalidArgument naming the file, never a crash or a hang;
// a parsed decision replays. Run:
//   ./decision_fuzzer -max_total_time=60 fuzz/standards/corpus
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eucomply/harmonised.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  auto d = eucomply::standards::ParseDecision(html, "fuzz.html");
  if (!d.ok()) {
    if (d.status().code() != eucomply::StatusCode::kInvalidArgument) std::abort();
    if (d.status().message().rfind("fuzz.html", 0) != 0) std::abort();
    return 0;
  }
  auto r = eucomply::standards::Replay({*d, *d});
  for (const auto& [act, L] : r.acts) {
    for (const auto& s : L.rows) {
      if (s.from && s.until && *s.until < *s.from && s.until_by.empty()) std::abort();
    }
  }
  return 0;
}
