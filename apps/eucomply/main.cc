// eucomply: EU product compliance from the command line. Parses arguments only; every
// command's logic lives in the library (src/cli and below).
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"eucomply: which EU product rules apply, and what they require"};
  app.require_subcommand(1);
  eucomply::cli::Context ctx;
  eucomply::cli::AddAssessCommand(app, ctx);
  eucomply::cli::AddKbCommands(app, ctx);
  eucomply::cli::AddAlertsCommands(app, ctx);
  eucomply::cli::AddServeCommand(app, ctx);
  eucomply::cli::AddRiskCommand(app, ctx);
  CLI11_PARSE(app, argc, argv);
  return ctx.exit_code;
}
