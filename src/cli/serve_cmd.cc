#include "cli/commands.h"

namespace eucomply::cli {

// Filled in by the server issue.
void AddServeCommand(CLI::App& /*app*/, Context& /*ctx*/) {}

}  // namespace eucomply::cli
