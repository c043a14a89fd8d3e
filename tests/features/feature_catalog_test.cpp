#include "features/feature_catalog.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "synth/generator.h"
#include "tests/support/error_kind.h"

namespace creditscore::features {
namespace {

class CatalogOnGeneratedData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("creditscore_catalog_" + std::to_string(::getpid()));
    synth::generate_dataset({1500, 4, dir, 0});
    data_ = new tables::Dataset(tables::read_dataset(dir));
    std::filesystem::remove_all(dir);
  }
  static void TearDownTestSuite() { delete data_; }
  static tables::Dataset* data_;
};
tables::Dataset* CatalogOnGeneratedData::data_ = nullptr;

TEST_F(CatalogOnGeneratedData, HasTheKernelsFeaturesWithLabelsAndDescriptions) {
  const FeatureCatalog catalog = FeatureCatalog::fit(*data_);
  EXPECT_GE(catalog.features().size(), 600u);
  EXPECT_LE(catalog.features().size(), 800u);
  std::set<std::string> names;
  for (const FeatureInfo& f : catalog.features()) {
    EXPECT_TRUE(names.insert(f.name).second) << "duplicate " << f.name;
    EXPECT_FALSE(f.label.fr.empty()) << f.name;
    EXPECT_FALSE(f.label.en.empty()) << f.name;
    EXPECT_FALSE(f.description.empty()) << f.name;
    EXPECT_NE(f.label.fr, f.name) << "a raw name is not a label";
    for (char c : f.name)
      EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '_') << f.name;
  }
  for (const char* expected : {"EXT_SOURCE_2",
                               "DAYS_EMPLOYED_PERC",
                               "INCOME_CREDIT_PERC",
                               "INCOME_PER_PERSON",
                               "ANNUITY_INCOME_PERC",
                               "PAYMENT_RATE",
                               "NAME_CONTRACT_TYPE_Cash_loans",
                               "BURO_DAYS_CREDIT_MEAN",
                               "ACTIVE_AMT_CREDIT_SUM_SUM",
                               "CLOSED_DAYS_CREDIT_VAR",
                               "BURO_STATUS_1_MEAN_MEAN",
                               "BURO_CREDIT_ACTIVE_Active_MEAN",
                               "PREV_APP_CREDIT_PERC_MAX",
                               "APPROVED_AMT_CREDIT_MEAN",
                               "REFUSED_DAYS_DECISION_MIN",
                               "PREV_NAME_CONTRACT_STATUS_Refused_MEAN",
                               "POS_SK_DPD_MAX",
                               "POS_COUNT",
                               "INSTAL_DPD_MAX",
                               "INSTAL_PAYMENT_PERC_VAR",
                               "INSTAL_NUM_INSTALMENT_VERSION_NUNIQUE",
                               "INSTAL_COUNT",
                               "CC_AMT_BALANCE_VAR",
                               "CC_COUNT"}) {
    EXPECT_TRUE(catalog.index_of(expected).has_value()) << expected;
  }
  EXPECT_FALSE(catalog.index_of("TARGET").has_value());
  EXPECT_FALSE(catalog.index_of("SK_ID_CURR").has_value());
  const FeatureInfo& ext = catalog.features()[*catalog.index_of("EXT_SOURCE_2")];
  EXPECT_EQ(ext.label.fr, "Score externe n°2");
  EXPECT_EQ(ext.label.en, "External score #2");
  const FeatureInfo& active = catalog.features()[*catalog.index_of("ACTIVE_AMT_CREDIT_SUM_SUM")];
  EXPECT_EQ(active.table, tables::TableId::Bureau);
  EXPECT_EQ(active.label.en, "Total: Credit amount (active bureau credits)");
  const FeatureInfo& cash = catalog.features()[*catalog.index_of("NAME_CONTRACT_TYPE_Cash_loans")];
  EXPECT_EQ(cash.label.fr, "Type de contrat : Prêt personnel")
      << "category codes are told in words";
  EXPECT_EQ(cash.label.en, "Contract type: Cash loan");
}

TEST_F(CatalogOnGeneratedData, JsonRoundTripAndForeignCataloguesRefused) {
  const FeatureCatalog catalog = FeatureCatalog::fit(*data_);
  const nlohmann::json document = catalog.to_json();
  const FeatureCatalog back = FeatureCatalog::from_json(nlohmann::json::parse(document.dump()));
  EXPECT_EQ(back.names(), catalog.names());
  EXPECT_EQ(back.features()[10].label.fr, catalog.features()[10].label.fr);

  nlohmann::json renamed = document;
  renamed["features"][3]["name"] = "SOMETHING_ELSE";
  EXPECT_ERROR_KIND(FeatureCatalog::from_json(renamed), ErrorKind::Corrupt);
  nlohmann::json old = document;
  old["format_version"] = 0;
  EXPECT_ERROR_KIND(FeatureCatalog::from_json(old), ErrorKind::Corrupt);
  EXPECT_ERROR_KIND(FeatureCatalog::from_json(nlohmann::json::array()), ErrorKind::Corrupt);
}

// Every column of the official description file has a French and an English label.
TEST(ColumnLabels, EveryDescribedColumnHasOne) {
  std::ifstream in(std::filesystem::path(CREDITSCORE_SHARED_DATA) /
                   "HomeCredit_columns_description.csv");
  ASSERT_TRUE(in);
  std::string line;
  std::getline(in, line);  // header
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    // ,Table,Row,... : the table and the column are the 2nd and 3rd fields (never quoted).
    const std::size_t a = line.find(','), b = line.find(',', a + 1), c = line.find(',', b + 1);
    if (a == std::string::npos || b == std::string::npos || c == std::string::npos) continue;
    const std::string table = line.substr(a + 1, b - a - 1);
    std::string column = line.substr(b + 1, c - b - 1);
    while (!column.empty() && column.back() == ' ') column.pop_back();
    if (column == "SK_BUREAU_ID") column = "SK_ID_BUREAU";  // the file's known misspelling
    if (column == "NFLAG_MICRO_CASH") continue;             // listed, absent from the real file
    for (tables::TableId id : tables::all_tables()) {
      const std::string& file = tables::schema_of(id).file_name;
      const bool application =
          table.starts_with("application") && file.starts_with("application_train");
      if (!application && table != file) continue;
      if (!tables::schema_of(id).find(column)) continue;
      EXPECT_NO_THROW(column_label(id, column)) << table << " " << column;
      ++checked;
    }
  }
  EXPECT_GE(checked, 200u);
}

}  // namespace
}  // namespace creditscore::features
