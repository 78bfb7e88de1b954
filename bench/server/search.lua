-- wrk script: GET /api/v1/alerts/search, cycling through typical queries with filters.
local queries = {
  "/api/v1/alerts/search?q=charger",
  "/api/v1/alerts/search?q=toy&origin=china&limit=20",
  "/api/v1/alerts/search?q=battery&level=serious",
  "/api/v1/alerts/search?category=Toys&from=2024&to=2026",
  "/api/v1/alerts/search?q=%22small%20parts%22&risk=Choking",
  "/api/v1/alerts/search?q=led*&origin=china&limit=10",
}
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", queries[i])
end
