// Routes about the service itself: the OpenAPI document, health (with the alert data's
// freshness) and version.
#include <fmt/format.h>

#include <string>

#include "server/routes.h"

namespace eucomply::server {
namespace {

using nlohmann::json;

}  // namespace

ApiResponse OpenApi(Api&, const RouteRequest&) {
  ApiResponse r;
  r.body = std::string(OpenApiDocument());
  return r;
}

ApiResponse Health(Api& api, const RouteRequest&) {
  json alerts = {{"available", false}};
  Result<AlertPool::Lease> lease = api.alerts().Acquire();
  if (lease.ok()) {
    Result<int64_t> n = (*lease)->store->AlertCount();
    alerts["available"] = n.ok();
    if (n.ok()) alerts["count"] = *n;
    else alerts["error"] = n.status().ToString();
    // Freshness: the newest report, and a warning when it is more than 14 days old.
    Result<std::string> newest = (*lease)->store->NewestReportDate();
    if (newest.ok() && !newest->empty()) {
      alerts["data_as_of"] = *newest;
      if (auto d = Date::Parse(*newest); d && api.Today().days() - d->days() > 14) {
        alerts["stale"] = true;
        alerts["warning"] = fmt::format(
            "the newest Safety Gate report is of {} ({} days ago): run `eucomply alerts update`", *newest,
            api.Today().days() - d->days());
      } else {
        alerts["stale"] = false;
      }
    }
  } else {
    alerts["error"] = lease.status().ToString();
  }
  const KnowledgeBase& kb = api.kb();
  return JsonResponse({{"status", "ok"},
                       {"knowledge_base",
                        {{"acts", kb.acts().size()},
                         {"standards", kb.standards().size()},
                         {"categories", kb.categories().size()},
                         {"attributes", kb.attributes().size()}}},
                       {"alerts", alerts}});
}

ApiResponse Version(Api& api, const RouteRequest&) {
  return JsonResponse({{"name", "eucomply"},
                       {"version", api.options().version},
                       {"api", "v1"},
                       {"knowledge_base", {{"acts", api.kb().acts().size()}}}});
}

}  // namespace eucomply::server
