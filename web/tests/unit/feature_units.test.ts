import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { featureLabel, shownValue, valueText } from "../../src/feature_units";
import { setCurrency } from "../../src/format";
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

test("amounts in the lender's currency, shares in percent, flags in words", () => {
  setCurrency("EUR"); // as the server says at login
  const credit = { label_fr: "Montant du crédit", label_en: "Credit amount", unit: "amount" as const };
  const score = { label_fr: "Score externe n°2", label_en: "External score #2", unit: "share" as const };
  const phone = { label_fr: "A donné un téléphone professionnel", label_en: "Gave a work phone", unit: "yes_no" as const };
  setLanguage("fr");
  const plain = (text: string) => text.replace(/\s/g, " ");
  assert.equal(plain(valueText(credit, 351227)), "351 227 €");
  assert.equal(plain(featureLabel(credit)), "Montant du crédit (€)");
  assert.equal(plain(valueText(score, 0.52)), "52,0 %");
  assert.equal(featureLabel(score), "Score externe n°2 (%)");
  assert.equal(shownValue(score, 0.523), 52.3);
  assert.equal(valueText(phone, 1), "oui");
  assert.equal(valueText(age, -20000), "54,8 ans");
  assert.equal(valueText(income, null), "non renseigné");
  setLanguage("en");
  assert.equal(valueText(credit, 351227), "€351,227");
  assert.equal(valueText(phone, 0), "no");
  setLanguage("fr");
});

