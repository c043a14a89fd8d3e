#include "synth/generator.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "common/error.h"
#include "common/parallel.h"
#include "synth/applicant.h"
#include "synth/default_model.h"
#include "synth/history.h"
#include "synth/random.h"
#include "synth/row_writer.h"
#include "tables/atomic_file.h"
#include "tables/schema.h"

namespace creditscore::synth {
namespace {

using tables::schema_of;
using tables::TableId;

constexpr std::uint64_t kChunkClients = 1000;
constexpr std::int64_t kFirstClientId = 100002;
// Kaggle's share of test applications: 48,744 of 356,255.
constexpr double kTestShare = 48744.0 / 356255.0;

struct Chunk {
  std::string train, test, oracle;
  std::uint64_t train_rows = 0, test_rows = 0;
  HistoryBuffers history;
  std::vector<double> train_true_pd;
  std::vector<int> train_target;
};

Chunk make_chunk(std::uint64_t seed, std::uint64_t first, std::uint64_t last,
                 const DefaultModel& model, bool drift) {
  Chunk chunk;
  RowWriter train_row(schema_of(TableId::ApplicationTrain));
  RowWriter test_row(schema_of(TableId::ApplicationTest));
  HistoryWriters writers;
  for (std::uint64_t index = first; index < last; ++index) {
    Random random(seed, index);
    const bool train = !random.chance(kTestShare);
    const Applicant applicant = draw_applicant(
        random, kFirstClientId + static_cast<std::int64_t>(index), train, drift && !train);
    const HistorySummary history = write_history(applicant, index, random, writers, chunk.history);
    const double score = model.score(applicant, history);
    const double true_pd = model.true_probability(score);
    const int target = model.draw_target(score, random);
    RowWriter& row = train ? train_row : test_row;
    write_application(applicant, random, row);
    if (train) {
      row.integer("TARGET", target);
      row.write_to(chunk.train);
      ++chunk.train_rows;
      chunk.train_true_pd.push_back(true_pd);
      chunk.train_target.push_back(target);
    } else {
      row.write_to(chunk.test);
      ++chunk.test_rows;
    }
    chunk.oracle += std::to_string(applicant.id);
    chunk.oracle += train ? ",train," : ",test,";
    char buffer[32];
    chunk.oracle.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, true_pd).ptr);
    chunk.oracle += target == 1 ? ",1\n" : ",0\n";
  }
  return chunk;
}

// The nine output files, each with its header written and its row count.
struct Outputs {
  struct File {
    std::unique_ptr<AtomicFile> file;
    FileSummary summary;
    void write(const std::string& bytes, std::uint64_t rows) {
      file->write(bytes);
      summary.bytes += bytes.size();
      summary.rows += rows;
    }
  };
  std::vector<File> files;

  explicit Outputs(const std::filesystem::path& directory) {
    for (TableId id : tables::all_tables())
      add(directory, schema_of(id).file_name, schema_of(id).header_line());
    add(directory, kOracleFile, "SK_ID_CURR,SPLIT,TRUE_PD,TARGET");
  }
  void add(const std::filesystem::path& directory, const std::string& name,
           const std::string& header) {
    File f{std::make_unique<AtomicFile>(directory / name), {name, 0, 0}};
    f.file->write(header + "\n");
    f.summary.bytes = header.size() + 1;
    files.push_back(std::move(f));
  }
  void write(const Chunk& c) {
    const HistoryBuffers& h = c.history;
    files[0].write(c.train, c.train_rows);
    files[1].write(c.test, c.test_rows);
    files[2].write(h.bureau, h.bureau_rows);
    files[3].write(h.bureau_balance, h.bureau_balance_rows);
    files[4].write(h.previous, h.previous_rows);
    files[5].write(h.pos_cash, h.pos_cash_rows);
    files[6].write(h.installments, h.installments_rows);
    files[7].write(h.credit_card, h.credit_card_rows);
    files[8].write(c.oracle, c.train_rows + c.test_rows);
  }
};

// What generate --drift shifted, for the monitor's tests and for people.
void write_drift_file(const std::filesystem::path& path) {
  const nlohmann::json document = {
      {"shifted_file", "application_test.csv"},
      {"shifted_columns", Drift::kColumns},
      {"changes",
       {{"AMT_INCOME_TOTAL", {{"multiplied_by", kDrift.income_factor}}},
        {"EXT_SOURCE_3", {{"added_to_logit", kDrift.ext_source_3_shift}}},
        {"ORGANIZATION_TYPE",
         {{"new_value", kDrift.new_organization},
          {"share_of_clients_with_an_employer", kDrift.new_organization_share}}},
        {"NAME_CONTRACT_TYPE",
         {{"revolving_share", kDrift.revolving_share}, {"was", kRevolvingShare}}},
        {"DAYS_BIRTH", {{"age_added_years", kDrift.age_shift_years}}}}},
      // Their POS, instalment and card rows follow the previous applications.
      {"thinner_tables", Drift::kThinnerTables},
      {"history", {{"mean_rows_beyond_the_first_multiplied_by", kDrift.history_factor}}}};
  AtomicFile file(path);
  file.write(document.dump(2) + "\n");
  file.commit();
}

void validate(const GeneratorConfig& config) {
  if (config.clients < 1 || config.clients > kMaxClients) {
    throw invalid_input("--clients must be between 1 and " + std::to_string(kMaxClients) +
                        ", not " + std::to_string(config.clients));
  }
  if (config.out.empty()) throw invalid_input("--out: no output directory given");
  if (std::filesystem::exists(config.out) && !std::filesystem::is_directory(config.out)) {
    throw invalid_input("--out: " + config.out.string() + " exists and is not a directory");
  }
}

}  // namespace

GenerationSummary generate_dataset(const GeneratorConfig& config, const ProgressFn& progress) {
  validate(config);
  std::filesystem::create_directories(config.out);
  const DefaultModel model;
  Outputs outputs(config.out);
  GenerationSummary summary;
  const std::uint64_t workers = config.threads > 0
                                    ? std::min<std::uint64_t>(config.threads, thread_budget())
                                    : thread_budget();
  const std::uint64_t chunks = (config.clients + kChunkClients - 1) / kChunkClients;
  // Waves of one chunk per worker, written in order as each wave completes.
  for (std::uint64_t wave = 0; wave < chunks; wave += workers) {
    std::vector<Chunk> made(std::min(chunks, wave + workers) - wave);
    parallel_for(made.size(), [&](std::size_t k) {
      const std::uint64_t first = (wave + k) * kChunkClients;
      made[k] = make_chunk(config.seed, first, std::min(config.clients, first + kChunkClients),
                           model, config.drift);
    });
    for (const Chunk& chunk : made) {
      outputs.write(chunk);
      summary.train_true_pd.insert(summary.train_true_pd.end(), chunk.train_true_pd.begin(),
                                   chunk.train_true_pd.end());
      summary.train_target.insert(summary.train_target.end(), chunk.train_target.begin(),
                                  chunk.train_target.end());
    }
    if (progress)
      progress("generate", std::min(config.clients, (wave + workers) * kChunkClients),
               config.clients);
  }
  for (auto& file : outputs.files) {
    file.file->commit();
    summary.files.push_back(file.summary);
  }
  if (config.drift) write_drift_file(config.out / kDriftFile);
  summary.train_clients = summary.files[0].rows;
  summary.test_clients = summary.files[1].rows;
  const auto defaults = std::count(summary.train_target.begin(), summary.train_target.end(), 1);
  summary.default_rate =
      summary.train_clients == 0
          ? 0.0
          : static_cast<double>(defaults) / static_cast<double>(summary.train_clients);
  return summary;
}

}  // namespace creditscore::synth
