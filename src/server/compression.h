// gzip Content-Encoding for API answers and static files: browsers, curl --compressed and
// most HTTP libraries (Python requests, Go net/http) ask for it, and an assessment's 85 KB
// of JSON shrinks to about a fifth. Uses zlib (already a dependency for the .xml.gz reports).
#pragma once

#include <string>
#include <string_view>

namespace eucomply::server {

// Whether an Accept-Encoding header value accepts gzip: "gzip" or "x-gzip" or "*" with a
// q-value above 0 (RFC 9110 12.5.3), and gzip not refused by its own "gzip;q=0".
bool AcceptsGzip(std::string_view accept_encoding);

// Whether a response of this content type is worth compressing (text, JSON, JS, SVG).
bool Compressible(std::string_view content_type);

// The gzip member (RFC 1952) of `data` at zlib `level` (1 fastest .. 9 smallest).
std::string Gzip(std::string_view data, int level);

// Bodies below this size are sent as they are.
inline constexpr size_t kMinCompressSize = 1024;

}  // namespace eucomply::server
