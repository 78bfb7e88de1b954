// Reading query parameters: each failure is a Problem naming the parameter ("query: limit:
// must be ..."), so that the error body's details carry {"parameter": "limit"}.
#pragma once

#include <initializer_list>
#include <optional>

#include "eucomply/date.h"
#include "eucomply/status.h"
#include "server/api.h"

namespace eucomply::server {

// Unknown query parameters are refused, so that a misspelt filter is not silently ignored;
// `lang` is always allowed. One problem for each unknown name.
Status CheckParams(const Target& t, std::initializer_list<const char*> allowed);

// An integer from lo to hi; `def` when the parameter is absent.
Result<int> IntParam(const Target& t, const char* name, int def, int lo, int hi);

// A year filter: "2024" or a date "2024-05-01" (its year); nullopt when absent or empty.
Result<std::optional<int>> YearParam(const Target& t, const char* name);

// A date YYYY-MM-DD; `def` when absent or empty.
Result<Date> DateParam(const Target& t, const char* name, Date def);

// Every problem of the failed statuses, in order, as one InvalidArgument; OK when all are.
Status CollectErrors(std::initializer_list<const Status*> parts);

}  // namespace eucomply::server
