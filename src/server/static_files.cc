#include "server/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "eucomply/text.h"

namespace eucomply::server {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxStaticFile = 64u << 20;

Result<ApiResponse> ReadFile(const fs::path& p, const fs::path& root) {
  std::error_code ec;
  fs::path real = fs::canonical(p, ec);
  if (ec) return Status::NotFound("no such file");
  // A symlink inside the web folder may not lead out of it.
  auto rel = real.lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return Status::NotFound("no such file");
  if (!fs::is_regular_file(real, ec) || fs::file_size(real, ec) > kMaxStaticFile) {
    return Status::NotFound("no such file");
  }
  std::ifstream in(real, std::ios::binary);
  if (!in) return Status::NotFound("no such file");
  std::ostringstream ss;
  ss << in.rdbuf();
  ApiResponse r;
  r.content_type = ContentTypeFor(real.filename().string());
  r.body = ss.str();
  // Built assets carry a content hash in their names; index.html must be revalidated.
  r.headers.emplace_back("Cache-Control", real.filename() == "index.html" ? "no-cache" : "public, max-age=3600");
  return r;
}

}  // namespace

const char* ContentTypeFor(std::string_view filename) {
  size_t dot = filename.rfind('.');
  std::string ext = dot == std::string_view::npos ? "" : AsciiLower(filename.substr(dot + 1));
  struct Type {
    const char* ext;
    const char* type;
  };
  static constexpr Type kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"json", "application/json"},
      {"map", "application/json"},
      {"webmanifest", "application/manifest+json"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"avif", "image/avif"},
      {"ico", "image/x-icon"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"ttf", "font/ttf"},
      {"otf", "font/otf"},
      {"txt", "text/plain; charset=utf-8"},
      {"xml", "application/xml"},
      {"wasm", "application/wasm"},
      {"pdf", "application/pdf"},
  };
  for (const Type& t : kTypes) {
    if (ext == t.ext) return t.type;
  }
  return "application/octet-stream";
}

Result<ApiResponse> ServeStaticFile(const std::string& web_dir,
                                    const std::vector<std::string>& segments) {
  std::error_code ec;
  if (web_dir.empty()) {
    return Status::NotFound("no web front end is served here (the API is under /api/v1/)");
  }
  if (!fs::is_regular_file(fs::path(web_dir) / "index.html", ec)) {
    return Status::NotFound(
        "the web page is not built in " + web_dir +
        ": run `bash scripts/build-web` in the source tree (`make build` and `cmake --build` "
        "run it), or start the server with --web DIR (the API is under /api/v1/)");
  }
  fs::path root = fs::canonical(web_dir, ec);
  if (ec) return Status::NotFound("no web front end is served here");
  fs::path p = root;
  for (const std::string& s : segments) {
    if (s.empty() || s[0] == '.' || s.find('/') != std::string::npos ||
        s.find('\\') != std::string::npos) {
      return Status::NotFound("no such file");
    }
    p /= s;
  }
  if (segments.empty() || fs::is_directory(p, ec)) p /= "index.html";
  Result<ApiResponse> r = ReadFile(p, root);
  if (r.ok()) return r;
  const bool has_ext = !segments.empty() && segments.back().find('.') != std::string::npos;
  if (!has_ext) return ReadFile(root / "index.html", root);
  return Status::NotFound("no such file: /" + [&] {
    std::string s;
    for (const auto& x : segments) s += (s.empty() ? "" : "/") + x;
    return s;
  }());
}

}  // namespace eucomply::server
