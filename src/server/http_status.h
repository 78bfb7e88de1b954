// The one mapping from domain status codes (eucomply/status.h) to HTTP, and the JSON error
// body every failing API call returns.
#pragma once

#include <nlohmann/json.hpp>

#include "eucomply/status.h"

namespace eucomply::server {

// kInvalidArgument 400, kNotFound 404, kAlreadyExists 409, kUnavailable 503, others 500.
int HttpStatusFor(StatusCode code);

// {"error": {"status": 400, "code": "invalid_argument", "message": "...",
//            "details": [{"pointer": "/attributes/voltage_ac", "message": "..."}, ...]}}
// Each of the status's messages becomes one detail. A message written as
// "<source>: /json/pointer: text" (how ParseProductJson reports) gives its pointer; one
// written "<source>:line:col: text" (malformed JSON) gives the pointer "" (the whole body)
// with line and column; "query: name: text" gives the query parameter.
nlohmann::json ErrorJson(const Status& status);

}  // namespace eucomply::server
