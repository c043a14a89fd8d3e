// The sub-commands of `creditscore`. Each lives in its own file and registers itself on the app:
// it declares its options (long names, defaults that work, a --help that teaches) and the
// function that runs it. main.cpp only lists them.
#pragma once

#include <CLI/CLI.hpp>

namespace creditscore::cli {

void register_generate_command(CLI::App& app);
void register_inspect_command(CLI::App& app);
void register_features_command(CLI::App& app);
void register_train_command(CLI::App& app);
void register_score_command(CLI::App& app);
void register_store_command(CLI::App& app);
void register_demo_command(CLI::App& app);
void register_explain_command(CLI::App& app);
void register_serve_command(CLI::App& app);
void register_runs_command(CLI::App& app);
void register_promote_command(CLI::App& app);
void register_openapi_command(CLI::App& app);
void register_users_command(CLI::App& app);
void register_tokens_command(CLI::App& app);
void register_audit_command(CLI::App& app);
void register_letters_command(CLI::App& app);
void register_client_command(CLI::App& app);
void register_recourse_command(CLI::App& app);
void register_monitor_command(CLI::App& app);
void register_outcomes_command(CLI::App& app);
void register_model_card_command(CLI::App& app);

}  // namespace creditscore::cli
