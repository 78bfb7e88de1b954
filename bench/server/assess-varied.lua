-- wrk script: POST /api/v1/assess with a different body on every request (a counter in the
-- name), so that no answer comes from the response cache: the engine's and the JSON
-- renderer's own cost.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local categories = {"kettle", "plush_toy", "phone_charger", "smart_plug", "hair_dryer"}
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"name": "Product %d", "category": "%s", "attributes": {"voltage_ac": "230 V"}}',
    n, categories[n % #categories + 1])
  return wrk.format(nil, nil, nil, body)
end
