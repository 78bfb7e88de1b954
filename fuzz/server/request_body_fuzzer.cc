// libFuzzer target for the API's request-body parsing and validation (POST assess,
// next-question, alerts/lessons): any bytes must give a product or an InvalidArgument whose
// messages name a place, never a crash, a hang or another status. The first byte picks the
// body kind. Run:
//   ./server_request_body_fuzzer -max_total_time=60 fuzz/server/corpus
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "eucomply/kb.h"
#include "server/http_status.h"
#include "server/request_body.h"

namespace {

const eucomply::KnowledgeBase& FuzzKb() {
  // A fuzz entry point has no set-up hook: load the knowledge base once, on first use.
  static const std::shared_ptr<const eucomply::KnowledgeBase> kb = [] {
    auto r = eucomply::LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
    if (!r.ok()) std::abort();
    return std::move(r).value();
  }();
  return *kb;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using eucomply::server::BodyKind;
  const BodyKind kinds[] = {BodyKind::kAssess, BodyKind::kNextQuestion, BodyKind::kLessons};
  BodyKind kind = kinds[data[0] % 3];
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  auto r = eucomply::server::ParseProductRequest(FuzzKb(), body, kind);
  if (!r.ok()) {
    if (r.status().code() != eucomply::StatusCode::kInvalidArgument) std::abort();
    if (r.status().messages().empty()) std::abort();
    // The error body must always serialise.
    (void)eucomply::server::ErrorJson(r.status()).dump(-1, ' ', false,
                                                        nlohmann::json::error_handler_t::replace);
  }
  return 0;
}
