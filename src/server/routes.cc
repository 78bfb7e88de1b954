// The route table: every route in matching order (fixed segments before parameters), each
// handled by its capability's routes file.
#include "server/routes.h"

namespace eucomply::server {

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      {"GET", "/api/openapi.json", OpenApi, false},
      {"GET", "/api/v1/health", Health, false},
      {"GET", "/api/v1/version", Version, false},
      {"POST", "/api/v1/assess", AssessRoute, true},
      {"POST", "/api/v1/next-question", NextQuestionRoute, true},
      {"POST", "/api/v1/risk", RiskRoute, true},
      {"GET", "/api/v1/risk/hazards", RiskHazardsRoute, true},
      {"GET", "/api/v1/acts", ActsRoute, true},
      {"GET", "/api/v1/acts/{celex}", ActRoute, true},
      {"GET", "/api/v1/standards", StandardsRoute, true},
      {"GET", "/api/v1/standards/events", StandardEventsRoute, false},
      {"GET", "/api/v1/standards/{reference}", StandardRoute, false},
      {"GET", "/api/v1/categories", CategoriesRoute, true},
      {"GET", "/api/v1/attributes", AttributesRoute, true},
      {"GET", "/api/v1/alerts/search", AlertSearchRoute, true},
      {"GET", "/api/v1/alerts/stats", AlertStatsRoute, true},
      {"POST", "/api/v1/alerts/lessons", LessonsRoute, true},
      {"GET", "/api/v1/alerts/{case}", AlertCaseRoute, true},
  };
  return kRoutes;
}

}  // namespace eucomply::server
