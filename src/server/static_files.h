// The web front end's files (web/dist), served at /. Only regular files inside the web
// folder are served: ".." segments, hidden files and symlinks leading out are refused.
// A path with no file extension that names no file gets index.html (the page routes itself).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eucomply/status.h"
#include "server/api.h"

namespace eucomply::server {

// The Content-Type for a file name, by extension; application/octet-stream if unknown.
const char* ContentTypeFor(std::string_view filename);

// `segments`: the decoded path segments. NotFound if there is no such file or no web folder.
Result<ApiResponse> ServeStaticFile(const std::string& web_dir,
                                    const std::vector<std::string>& segments);

}  // namespace eucomply::server
