// The risk-assessment routes (Delegated Regulation (EU) 2024/3173, Annex II): a risk
// assessment of a product's scenarios, and the hazard library for a category or a listing.
#include <fmt/format.h>

#include "eucomply/intake.h"
#include "eucomply/risk.h"
#include "server/query_params.h"
#include "server/routes.h"

namespace eucomply::server {
namespace {

using nlohmann::json;

Result<const risk::HazardLibrary*> Hazards(Api& api) {
  if (!api.options().hazards) {
    return Status::Unavailable("the hazard library (knowledge/risk) is not loaded");
  }
  return api.options().hazards.get();
}

}  // namespace

ApiResponse RiskRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {"report"}); !s.ok()) return ErrorResponse(s);
  auto lib = Hazards(api);
  if (!lib.ok()) return ErrorResponse(lib.status());
  auto in = risk::ParseRiskJson(api.kb(), **lib, req.http->body, "body");
  if (!in.ok()) return ErrorResponse(in.status());
  const risk::RiskResult r = risk::AssessRisk(api.kb(), **lib, *in);
  json j = risk::RiskToJson(api.kb(), **lib, *in, r, req.lang);
  if (req.target->Value("report").value_or("") == "markdown") {
    j["report"] = risk::RiskReport(api.kb(), **lib, *in, r, req.lang, true);
  }
  return JsonResponse(j);
}

ApiResponse RiskHazardsRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {"category", "text"}); !s.ok()) return ErrorResponse(s);
  auto lib = Hazards(api);
  if (!lib.ok()) return ErrorResponse(lib.status());
  int category = -1;
  if (auto c = req.target->Value("category"); c && !c->empty()) {
    category = api.kb().FindCategory(*c);
    if (category < 0) {
      return ErrorResponse(Status::InvalidArgument(
          Problem::InQuery("category", fmt::format("no category '{}' (GET /api/v1/categories lists them)", *c))));
    }
  } else if (auto t = req.target->Value("text"); t && !t->empty()) {
    // A listing text: its category as the text intake reads it.
    Product p = Product::Empty(api.kb());
    ApplyTextIntake(api.kb(), *t, &p);
    category = p.category;
  }
  return JsonResponse(risk::HazardsToJson(api.kb(), **lib, category, req.lang));
}

}  // namespace eucomply::server
