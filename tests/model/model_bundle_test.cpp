#include "model/model_bundle.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "model/checksum.h"
#include "model/cross_validation.h"
#include "tests/model/logistic_problem.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::model {
namespace {

class ModelBundleTest : public ::testing::Test {
 protected:
  ModelBundle make_bundle() {
    TrainingSet data(problem_.x, Problem::kCols, problem_.y, quick_config().trees.max_bin);
    const Booster booster = fit_booster(data, quick_config(), 15);
    ModelBundle bundle;
    bundle.run_id = "run-1";
    bundle.created_at = "2026-11-24T18:00:00Z";
    bundle.xgboost_version = xgboost_version();
    bundle.feature_names = {"F0", "F1", "F2", "F3"};
    bundle.model_json = booster.to_json();
    bundle.catalog = {{"features", bundle.feature_names}};
    bundle.reference = reference_distributions(problem_.view(), problem_.y, bundle.feature_names);
    const std::vector<int> outcomes(problem_.y.begin(), problem_.y.end());
    bundle.evaluation = evaluate(problem_.true_p, outcomes, CostModel{});
    bundle.training = {{"rounds", 15}};
    bundle.global_explanation = {{"importance", {{{"feature", "F2"}, {"mean_abs_shap", 0.5}}}}};
    return bundle;
  }

  static void write(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
  }
  void expect_refused(const std::filesystem::path& bundle, const std::string& fragment) {
    try {
      read_bundle(bundle);
      FAIL() << "expected " << fragment;
    } catch (const BundleError& error) {
      EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
    }
  }

  Problem problem_{800};
  const testing::TemporaryDirectory temporary_{"bundle"};
  const std::filesystem::path& dir_ = temporary_.path();
};

TEST_F(ModelBundleTest, RoundTripKeepsEverything) {
  const ModelBundle bundle = make_bundle();
  write_bundle(bundle, dir_ / "run-1");
  const ModelBundle back = read_bundle(dir_ / "run-1");
  EXPECT_EQ(back.run_id, "run-1");
  EXPECT_EQ(back.feature_names, bundle.feature_names);
  EXPECT_EQ(back.model_json, bundle.model_json);
  EXPECT_EQ(back.catalog, bundle.catalog);
  EXPECT_DOUBLE_EQ(back.threshold(), bundle.threshold());
  EXPECT_EQ(back.reference.size(), 4u);
  EXPECT_FALSE(back.oracle.has_value());
  EXPECT_EQ(back.training["rounds"], 15);
  EXPECT_EQ(back.global_explanation, bundle.global_explanation);
  // Nothing but the bundle is left beside it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 1);
  EXPECT_THROW(write_bundle(bundle, dir_ / "run-1"), BundleError);
}

TEST_F(ModelBundleTest, CorruptionTruncationAndMissingFilesAreRefused) {
  write_bundle(make_bundle(), dir_ / "b");
  const auto bundle = dir_ / "b";

  std::string model = testing::read_file(bundle / "model.json");
  model[model.size() / 2] ^= 1;
  write(bundle / "model.json", model);
  expect_refused(bundle, "model.json: checksum mismatch");

  std::filesystem::remove_all(bundle);
  write_bundle(make_bundle(), bundle);
  const std::string manifest = testing::read_file(bundle / "bundle.json");
  write(bundle / "bundle.json", manifest.substr(0, manifest.size() / 2));
  expect_refused(bundle, "bundle.json: checksum mismatch");

  std::filesystem::remove_all(bundle);
  write_bundle(make_bundle(), bundle);
  std::filesystem::remove(bundle / "reference.json");
  expect_refused(bundle, "missing reference.json");

  std::filesystem::remove_all(bundle);
  write_bundle(make_bundle(), bundle);
  write(bundle / "explanation.json", "{}");
  expect_refused(bundle, "explanation.json: checksum mismatch");

  expect_refused(dir_ / "nowhere", "not a directory");
}

TEST_F(ModelBundleTest, AnUnknownFormatVersionIsNamed) {
  write_bundle(make_bundle(), dir_ / "v");
  nlohmann::json manifest = nlohmann::json::parse(testing::read_file(dir_ / "v" / "bundle.json"));
  manifest["format_version"] = 99;
  const std::string text = manifest.dump(1);
  write(dir_ / "v" / "bundle.json", text);
  write(dir_ / "v" / "CHECKSUM", sha256_hex(text) + "\n");
  expect_refused(dir_ / "v", "format version 99");
}

TEST_F(ModelBundleTest, PythonXGBoostLoadsTheModelAndPredictsTheSame) {
  const ModelBundle bundle = make_bundle();
  write_bundle(bundle, dir_ / "py");
  std::ofstream rows(dir_ / "rows.csv");
  rows.precision(9);  // every float exactly, so both sides read the same values
  for (std::size_t r = 0; r < 50; ++r) {
    for (std::size_t c = 0; c < 4; ++c) rows << (c ? "," : "") << problem_.x[r * 4 + c];
    rows << '\n';
  }
  rows.close();
  const std::string script = "import numpy, xgboost; b = xgboost.Booster(model_file='" +
                             (dir_ / "py" / "model.json").string() + "'); x = numpy.loadtxt('" +
                             (dir_ / "rows.csv").string() +
                             "', delimiter=',', ndmin=2, dtype=numpy.float32); "
                             "print('\\n'.join('%.9g' % v for v in b.predict(xgboost.DMatrix(x))))";
  FILE* pipe = ::popen(("/usr/bin/python3 -c \"" + script + "\" 2>&1").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::vector<double> python;
  char line[256];
  std::string all;
  while (std::fgets(line, sizeof line, pipe)) {
    all += line;
    python.push_back(std::atof(line));
  }
  ASSERT_EQ(WEXITSTATUS(::pclose(pipe)), 0) << all;
  const std::vector<float> first(problem_.x.begin(), problem_.x.begin() + 200);
  const DMatrix matrix({first.data(), 50, 4});
  const std::vector<double> ours =
      Booster::from_json(bundle.model_json).predict(matrix, Prediction::Probability);
  ASSERT_EQ(python.size(), ours.size()) << all;
  for (std::size_t r = 0; r < ours.size(); ++r)
    EXPECT_NEAR(python[r], ours[r], 1e-6) << "row " << r;
}

}  // namespace
}  // namespace creditscore::model
