#include "model/model_bundle.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "model/checksum.h"
#include "tables/atomic_file.h"

namespace creditscore::model {
namespace {

constexpr const char* kModelFile = "model.json";
constexpr const char* kCatalogFile = "catalog.json";
constexpr const char* kReferenceFile = "reference.json";
constexpr const char* kExplanationFile = "explanation.json";
constexpr const char* kManifestFile = "bundle.json";
constexpr const char* kChecksumFile = "CHECKSUM";

std::string read_text(const std::filesystem::path& directory, const char* name) {
  std::ifstream in(directory / name, std::ios::binary);
  if (!in) throw BundleError(directory.string() + ": missing " + name, ErrorKind::NotFound);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

// Makes the rename of the bundle's directory durable.
void sync_directory(const std::filesystem::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

nlohmann::json parse(const std::string& source, const char* name, const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {
    throw BundleError(source + "/" + name + ": malformed JSON: " + error.what());
  }
}

std::vector<std::string> file_names(const std::vector<tables::TableId>& tables) {
  std::vector<std::string> names;
  for (tables::TableId id : tables) names.push_back(tables::schema_of(id).file_name);
  return names;
}

std::vector<tables::TableId> tables_named(const nlohmann::json& names, const std::string& source) {
  std::vector<tables::TableId> tables;
  for (const std::string& name : names.get<std::vector<std::string>>()) {
    const std::optional<tables::TableId> id = tables::table_of_file(name);
    if (!id) throw BundleError(source + ": learned_from names " + name + ", not a table file");
    tables.push_back(*id);
  }
  return tables;
}

}  // namespace

void write_bundle(const ModelBundle& bundle, const std::filesystem::path& directory) {
  if (std::filesystem::exists(directory)) {
    throw BundleError(directory.string() + ": already exists; a bundle is never overwritten",
                      ErrorKind::Conflict);
  }
  const std::filesystem::path parent = directory.has_parent_path() ? directory.parent_path() : ".";
  std::filesystem::create_directories(parent);
  // One staging name per directory of bundles, whatever the run: the next bundle written there
  // removes what a killed run left.
  const std::filesystem::path being_written = parent / ".bundle-being-written";
  remove_leftovers(being_written);
  const std::filesystem::path staging = temporary_name(being_written);
  std::filesystem::remove_all(staging);
  std::filesystem::create_directory(staging);
  try {
    const std::string catalog = bundle.catalog.dump(1);
    const std::string reference = to_json(bundle.reference).dump();
    write_file_atomically(staging / kModelFile, bundle.model_json);
    write_file_atomically(staging / kCatalogFile, catalog);
    const std::string explanation = bundle.global_explanation.dump();
    write_file_atomically(staging / kReferenceFile, reference);
    write_file_atomically(staging / kExplanationFile, explanation);
    nlohmann::json manifest = {
        {"format_version", ModelBundle::kFormatVersion},
        {"run_id", bundle.run_id},
        {"created_at", bundle.created_at},
        {"xgboost_version", bundle.xgboost_version},
        {"feature_names", bundle.feature_names},
        {"learned_from", file_names(bundle.learned_from)},
        {"evaluation", to_json(bundle.evaluation)},
        {"oracle", bundle.oracle ? to_json(*bundle.oracle) : nlohmann::json(nullptr)},
        {"fairness", bundle.fairness ? to_json(*bundle.fairness) : nlohmann::json(nullptr)},
        {"training", bundle.training},
        {"files",
         {{kModelFile, sha256_hex(bundle.model_json)},
          {kCatalogFile, sha256_hex(catalog)},
          {kReferenceFile, sha256_hex(reference)},
          {kExplanationFile, sha256_hex(explanation)}}},
    };
    const std::string manifest_text = manifest.dump(1);
    write_file_atomically(staging / kManifestFile, manifest_text);
    write_file_atomically(staging / kChecksumFile, sha256_hex(manifest_text) + "\n");
    sync_directory(staging);
    std::filesystem::rename(staging, directory);
    sync_directory(parent);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(staging, ignored);
    throw;
  }
}

ModelBundle read_bundle(const std::filesystem::path& directory) {
  if (!std::filesystem::is_directory(directory)) {
    throw BundleError(directory.string() + ": no model bundle here (not a directory)",
                      ErrorKind::NotFound);
  }
  BundleTexts texts{read_text(directory, kManifestFile), read_text(directory, kModelFile),
                    read_text(directory, kCatalogFile), read_text(directory, kReferenceFile),
                    read_text(directory, kExplanationFile)};
  std::string expected = read_text(directory, kChecksumFile);
  while (!expected.empty() && (expected.back() == '\n' || expected.back() == '\r'))
    expected.pop_back();
  if (sha256_hex(texts.manifest) != expected) {
    throw BundleError(directory.string() + "/" + kManifestFile +
                      ": checksum mismatch (the file is damaged or was edited)");
  }
  return parse_bundle(texts, directory.string());
}

ModelBundle parse_bundle(const BundleTexts& texts, const std::string& source) {
  const nlohmann::json manifest = parse(source, kManifestFile, texts.manifest);
  const auto version = manifest.is_object() ? manifest.find("format_version") : manifest.end();
  if (version == manifest.end() || *version != ModelBundle::kFormatVersion) {
    throw BundleError(source + ": bundle format version " +
                      (version == manifest.end() ? "missing" : version->dump()) +
                      ", this program reads version " +
                      std::to_string(ModelBundle::kFormatVersion));
  }
  auto checked = [&](const char* name, const std::string& text) -> const std::string& {
    const auto files = manifest.find("files");
    if (files == manifest.end() || !files->is_object() || !files->contains(name) ||
        (*files)[name] != sha256_hex(text)) {
      throw BundleError(source + "/" + name +
                        ": checksum mismatch (the file is damaged or was edited)");
    }
    return text;
  };
  ModelBundle bundle;
  try {
    bundle.model_json = checked(kModelFile, texts.model);
    bundle.catalog = parse(source, kCatalogFile, checked(kCatalogFile, texts.catalog));
    bundle.reference = distributions_from_json(
        parse(source, kReferenceFile, checked(kReferenceFile, texts.reference)));
    bundle.global_explanation =
        parse(source, kExplanationFile, checked(kExplanationFile, texts.explanation));
    bundle.run_id = manifest.at("run_id").get<std::string>();
    bundle.created_at = manifest.at("created_at").get<std::string>();
    bundle.xgboost_version = manifest.at("xgboost_version").get<std::string>();
    bundle.feature_names = manifest.at("feature_names").get<std::vector<std::string>>();
    if (manifest.contains("learned_from")) {
      bundle.learned_from = tables_named(manifest["learned_from"], source);
    }
    bundle.evaluation = evaluation_from_json(manifest.at("evaluation"));
    if (!manifest.at("oracle").is_null())
      bundle.oracle = evaluation_from_json(manifest.at("oracle"));
    if (manifest.contains("fairness") && !manifest["fairness"].is_null())
      bundle.fairness = fairness_from_json(manifest["fairness"]);
    bundle.training = manifest.at("training");
  } catch (const BundleError&) {
    throw;
  } catch (const std::exception& error) {
    throw BundleError(source + ": malformed bundle: " + error.what());
  }
  return bundle;
}

}  // namespace creditscore::model
