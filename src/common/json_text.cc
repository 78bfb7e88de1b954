#include "common/json_text.h"

#include <string>

#include "eucomply/text.h"

namespace eucomply {

Result<nlohmann::json> ParseJsonText(std::string_view text, std::string_view source) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_discarded()) return doc;
  // Parse again with exceptions only to learn where it failed.
  try {
    nlohmann::json again = nlohmann::json::parse(text);
    (void)again;
  } catch (const nlohmann::json::parse_error& e) {
    int line = 1;
    int col = 1;
    LineColumn(text, e.byte > 0 ? e.byte - 1 : 0, &line, &col);
    std::string what = e.what();
    // nlohmann's message starts with "[json.exception.parse_error.101] parse error at ...".
    size_t pos = what.find(": ");
    std::string detail = pos == std::string::npos ? what : what.substr(pos + 2);
    return Status::InvalidArgument(
        Problem::At(std::string(source), line, col, "malformed JSON: " + detail));
  }
  return Status::InvalidArgument(Problem::At(std::string(source), 1, 1, "malformed JSON"));
}

}  // namespace eucomply
