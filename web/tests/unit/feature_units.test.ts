import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { featureLabel, shownValue } from "../../src/feature_units";
import { setLanguage } from "../../src/i18n";

const age = { label_fr: "Âge (jours, négatif)", label_en: "Age (days, negative)", unit: "years" as const };
const income = { label_fr: "Revenu annuel", label_en: "Annual income", unit: "as_is" as const };

test("a day count is labelled and shown in years; anything else as it is", () => {
  setLanguage("fr");
  assert.equal(featureLabel(age), "Âge (ans)");
  assert.equal(featureLabel(income), "Revenu annuel");
  setLanguage("en");
  assert.equal(featureLabel(age), "Age (years)");
  assert.equal(shownValue(age, -20000), 54.8);
  assert.equal(shownValue(income, 135000), 135000);
  setLanguage("fr");
});
