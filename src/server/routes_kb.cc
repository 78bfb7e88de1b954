// The knowledge-base reference routes: acts, categories, attributes, and the standards with
// the Official Journal lists of harmonised standards as of a date.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "eucomply/harmonised.h"
#include "eucomply/report.h"
#include "server/query_params.h"
#include "server/routes.h"

namespace eucomply::server {
namespace {

using nlohmann::json;

}  // namespace

ApiResponse ActsRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return ErrorResponse(s);
  json acts = json::array();
  for (const Act& act : api.kb().acts()) acts.push_back(ActToJson(api.kb(), act, req.lang, false));
  return JsonResponse({{"count", acts.size()}, {"acts", acts}});
}

ApiResponse ActRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return ErrorResponse(s);
  const std::string& id = req.params.at("celex");
  int a = api.kb().FindAct(id);
  if (a < 0) {
    return ErrorResponse(Status::NotFound(
        fmt::format("no act '{}' (a CELEX number or short name; GET /api/v1/acts lists them)", id)));
  }
  return JsonResponse(ActToJson(api.kb(), api.kb().acts()[a], req.lang, true));
}

ApiResponse StandardsRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {"act", "as_of", "q"}); !s.ok()) return ErrorResponse(s);
  const KnowledgeBase& kb = api.kb();
  std::optional<std::string> celex;
  if (auto act = req.target->Value("act"); act && !act->empty()) {
    int a = kb.FindAct(*act);
    if (a >= 0) celex = kb.acts()[a].celex;
    else if (api.options().harmonised && api.options().harmonised->count(*act)) celex = *act;
    else {
      return ErrorResponse(Status::InvalidArgument(
          Problem::InQuery("act", fmt::format("no act '{}' (a CELEX number or short name)", *act))));
    }
  }
  Result<Date> as_of_param = DateParam(*req.target, "as_of", api.Today());
  if (!as_of_param.ok()) return ErrorResponse(as_of_param.status());
  const Date as_of = *as_of_param;
  const std::string q = req.target->Value("q").value_or("");
  json out = json::array();
  for (const Standard& s : kb.standards()) {
    if (celex && std::find(s.acts.begin(), s.acts.end(), *celex) == s.acts.end()) continue;
    out.push_back(StandardToJson(kb, s, req.lang));
  }
  json j = {{"count", out.size()}, {"standards", out}};
  // The Official Journal lists, as of the date: with an act or words (all acts hold ~3,000).
  if (api.options().harmonised) {
    const auto& lists = *api.options().harmonised;
    json h = json::array();
    size_t n = 0;
    if (celex || !q.empty()) {
      for (const auto* s : standards::Query(lists, celex.value_or(""), as_of, q)) {
        h.push_back(standards::ListedToJson(lists, *s, as_of));
      }
      n = h.size();
    } else {
      for (const auto& [a, L] : lists) n += standards::Query(lists, a, as_of, "").size();
    }
    j["harmonised"] = {{"as_of", as_of.ToString()}, {"count", n}, {"rows", h},
                       {"source", "Commission implementing decisions on harmonised standards (EUR-Lex)"}};
  }
  return JsonResponse(j);
}

ApiResponse StandardEventsRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {"act", "from", "to"}); !s.ok()) return ErrorResponse(s);
  if (!api.options().harmonised) return ErrorResponse(Status::Unavailable("the harmonised-standard lists are not loaded"));
  auto from = DateParam(*req.target, "from", api.Today());
  if (!from.ok()) return ErrorResponse(from.status());
  auto to = DateParam(*req.target, "to", Date::FromDays(from->days() + 3 * 366));
  if (!to.ok()) return ErrorResponse(to.status());
  std::string act;
  if (auto a = req.target->Value("act"); a && !a->empty()) {
    int i = api.kb().FindAct(*a);
    act = i >= 0 ? api.kb().acts()[i].celex : *a;
  }
  const auto& lists = *api.options().harmonised;
  json out = json::array();
  for (const auto* s : standards::Events(lists, act, *from, *to)) out.push_back(standards::ListedToJson(lists, *s, *s->until));
  return JsonResponse({{"from", from->ToString()}, {"to", to->ToString()}, {"count", out.size()}, {"events", out}});
}

ApiResponse StandardRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {"as_of"}); !s.ok()) return ErrorResponse(s);
  if (!api.options().harmonised) return ErrorResponse(Status::Unavailable("the harmonised-standard lists are not loaded"));
  Result<Date> as_of_param = DateParam(*req.target, "as_of", api.Today());
  if (!as_of_param.ok()) return ErrorResponse(as_of_param.status());
  const Date as_of = *as_of_param;
  const std::string& ref = req.params.at("reference");
  const auto& lists = *api.options().harmonised;
  auto rows = standards::FindReference(lists, ref);
  if (rows.empty()) {
    return ErrorResponse(Status::NotFound(fmt::format("'{}' is in no harmonised-standard list", ref)));
  }
  json out = json::array();
  for (const auto* s : rows) out.push_back(standards::ListedToJson(lists, *s, as_of));
  return JsonResponse({{"reference", ref}, {"as_of", as_of.ToString()}, {"rows", out}});
}

ApiResponse CategoriesRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return ErrorResponse(s);
  json out = json::array();
  for (const Category& c : api.kb().categories()) out.push_back(CategoryToJson(api.kb(), c, req.lang));
  return JsonResponse({{"count", out.size()}, {"categories", out}});
}

ApiResponse AttributesRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return ErrorResponse(s);
  json out = json::array();
  for (const Attribute& a : api.kb().attributes()) out.push_back(AttributeToJson(a, req.lang));
  return JsonResponse({{"count", out.size()}, {"attributes", out}});
}

}  // namespace eucomply::server
