// roles.yaml: the economic operators that obligations fall on (manufacturer, importer ...).
#include "kb/internal/loader.h"

namespace eucomply {

void KnowledgeBaseLoader::LoadRoles(const std::vector<File>& files) {
  ForEachListItem(files, "roles", "a role", [&](const File& f, const YAML::Node& n) {
    CheckKeys(f, n, {"id", "name", "definition", "cite", "unconfirmed", "note"});
    Role r;
    r.id = GetId(f, n);
    r.name = GetText(f, n, "name", true);
    r.definition = GetText(f, n, "definition", true);
    ReadSourced(f, n, &r, true);
    Declare(f, n, "role", false, std::move(r), &kb_->roles_, &kb_->role_index_);
  });
}

}  // namespace eucomply
