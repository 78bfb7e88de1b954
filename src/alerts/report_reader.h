// Reading weekly-report bytes: files (gzip or plain XML) and in-memory downloads.
#pragma once

#include <string>
#include <string_view>

#include "eucomply/status.h"

namespace eucomply::alerts {

// If `bytes` start with the gzip magic, inflates them (several concatenated members are
// allowed); otherwise returns them unchanged. A truncated or damaged gzip stream is
// kCorruption, with how many bytes were recovered before the damage.
Result<std::string> GunzipIfNeeded(std::string_view bytes);

// Reads `path` and gunzips it when it is compressed. kUnavailable if it cannot be read.
Result<std::string> ReadReportFile(const std::string& path);

// A short fingerprint of a report's XML text, used to recognise a file already imported.
std::string ContentFingerprint(std::string_view xml);

}  // namespace eucomply::alerts
