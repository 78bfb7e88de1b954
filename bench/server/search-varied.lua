-- wrk script: GET /api/v1/alerts/search, the queries of search.lua with a different offset and
-- limit on every request (20,000 combinations), so that no answer comes from the cache: SQLite,
-- the facet counts and the JSON every time.
local queries = {
  "/api/v1/alerts/search?q=charger",
  "/api/v1/alerts/search?q=toy&origin=china",
  "/api/v1/alerts/search?q=battery&level=serious",
  "/api/v1/alerts/search?category=Toys&from=2024&to=2026",
  "/api/v1/alerts/search?q=%22small%20parts%22&risk=Choking",
  "/api/v1/alerts/search?q=led*&origin=china",
}
local n = 0
request = function()
  n = n + 1
  local q = queries[n % #queries + 1]
  local page = math.floor(n / #queries)
  return wrk.format("GET", string.format("%s&offset=%d&limit=%d", q, page % 200,
                                         1 + math.floor(page / 200) % 100))
end
