// The documents that citations may name (sources.yaml, sources.d/, and every act of acts/),
// and the citation fields that every legal fact carries.
#include <fmt/format.h>

#include "eucomply/text.h"
#include "kb/internal/loader.h"

namespace eucomply {

void KnowledgeBaseLoader::LoadSources(const std::vector<File>& files) {
  ForEachListItem(files, "sources", "a source", [&](const File& f, const YAML::Node& n) {
    CheckKeys(f, n, {"id", "title", "url"});
    SourceDoc s;
    s.pos = Pos(f, n);
    if (auto id = Str(f, n, "id", true)) s.id = *id;
    s.title = GetText(f, n, "title", true);
    if (auto url = Str(f, n, "url", false)) s.url = *url;
    if (!known_documents_.insert(s.id).second) {
      Error(f, n, fmt::format("source '{}' is declared twice", s.id));
      return;
    }
    kb_->sources_.push_back(std::move(s));
  });
}

void KnowledgeBaseLoader::ReadSourced(const File& f, const YAML::Node& n, Sourced* s,
                                      bool cite_required) {
  s->pos = Pos(f, n);
  s->unconfirmed = Bool(f, n, "unconfirmed", false);
  if (auto note = Str(f, n, "note", false)) s->note = *note;
  if (auto c = Str(f, n, "cite", cite_required)) {
    ParseCite(f, n["cite"], *c, &s->cite);
  }
}

bool KnowledgeBaseLoader::ParseCite(const File& f, const YAML::Node& n, const std::string& text,
                                    Citation* out) {
  std::string_view t = Trim(text);
  size_t sp = t.find(' ');
  if (sp == std::string_view::npos || Trim(t.substr(sp)).empty()) {
    Error(f, n, fmt::format("citation '{}' must be '<CELEX> <article/annex>'", text));
    return false;
  }
  out->celex = std::string(t.substr(0, sp));
  out->reference = std::string(Trim(t.substr(sp)));
  if (!known_documents_.count(out->celex)) {
    Error(f, n,
          fmt::format("citation names '{}', which is neither an act in acts/ nor a "
                      "document in sources.yaml",
                      out->celex));
    return false;
  }
  return true;
}

}  // namespace eucomply
