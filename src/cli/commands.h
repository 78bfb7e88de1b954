// The CLI's subcommands. apps/eucomply/main.cc builds a CLI11 app and calls each Add*
// function; each lives in its own file (assess_cmd.cc, kb_cmd.cc, alerts_cmd.cc,
// serve_cmd.cc, risk_cmd.cc) and owns its options. A command reports failure by setting
// Context::exit_code; it prints errors to stderr itself.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace eucomply::cli {

struct Context {
  int exit_code = 0;
};

// The knowledge-base folder: $EUCOMPLY_KB, else the one bundled at build time.
std::string DefaultKnowledgeDir();
// The data folder (alert store): $EUCOMPLY_DATA, else ./eucomply-data.
std::string DefaultDataDir();
// --kb DIR, with the same help in every command: the folder, or "" for the bundled one.
void AddKbOption(CLI::App* cmd, std::string* dir);

void AddAssessCommand(CLI::App& app, Context& ctx);
void AddKbCommands(CLI::App& app, Context& ctx);
void AddAlertsCommands(CLI::App& app, Context& ctx);
void AddServeCommand(CLI::App& app, Context& ctx);
void AddRiskCommand(CLI::App& app, Context& ctx);
// Under `kb`: `kb standards [import]`, `kb standard REF` (standards_cmd.cc).
void AddStandardsCommands(CLI::App& kb, Context& ctx);

}  // namespace eucomply::cli
