// Generating a synthetic data set from the command line: the options shared by `generate` and
// `demo`, and the run itself with its progress bar and final table.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>

#include "synth/generator.h"

namespace creditscore::cli {

// Adds --clients, --seed and --threads bound to `config`.
void add_generator_options(CLI::App& command, synth::GeneratorConfig& config);

// Generates the data set, showing progress, then prints the files and the oracle's figures.
synth::GenerationSummary generate_with_report(const synth::GeneratorConfig& config,
                                              std::ostream& out);

}  // namespace creditscore::cli
