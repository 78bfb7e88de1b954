// The route table: the groups of each capability, joined in matching order.
#include "server/routes.h"

namespace eucomply::server {

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = [] {
    std::vector<Route> all;
    for (auto group : {MetaRoutes, AssessRoutes, RiskRoutes, KbRoutes, AlertRoutes}) {
      std::vector<Route> g = group();
      all.insert(all.end(), g.begin(), g.end());
    }
    return all;
  }();
  return kRoutes;
}

}  // namespace eucomply::server
