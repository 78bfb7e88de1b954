// JSON text to a document, with a syntax error reported at its line and column.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "eucomply/status.h"

namespace eucomply {

// The document, or InvalidArgument with one Problem at the line and column where nlohmann's
// parser stopped: "<source>:3:14: malformed JSON: syntax error while parsing ...".
Result<nlohmann::json> ParseJsonText(std::string_view text, std::string_view source);

}  // namespace eucomply
