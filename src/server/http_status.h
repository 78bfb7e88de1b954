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
// Each of the status's problems becomes one detail, its place read from the Problem's fields:
// a JSON pointer; a line and column (malformed JSON: with the pointer "", the whole body); a
// query parameter; a table row and field. "message" is the text without the place; a
// problem with no place gives its whole text.
nlohmann::json ErrorJson(const Status& status);

}  // namespace eucomply::server
