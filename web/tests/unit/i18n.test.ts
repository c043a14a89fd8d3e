import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { currentLanguage, label, labelWithoutDays, setLanguage, t, texts } from "../../src/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every text is there in French and in English, with the same placeholders", () => {
  for (const [key, pair] of Object.entries(texts)) {
    assert.equal(pair.length, 2, key);
    const [fr, en] = pair as readonly string[];
    assert.ok(fr.trim().length > 0, `${key}: no French`);
    assert.ok(en.trim().length > 0, `${key}: no English`);
    assert.deepEqual(placeholders(fr), placeholders(en), `${key}: placeholders differ`);
  }
});

test("French by default, English on request, remembered", () => {
  assert.equal(currentLanguage(), "fr");
  assert.equal(t("granted"), "Accordé");
  assert.equal(t("clientTitle", { id: 100002 }).includes("100002"), true);
  setLanguage("en");
  assert.equal(t("granted"), "Granted");
  assert.equal(label({ label_fr: "Revenu", label_en: "Income" }), "Income");
  assert.equal(localStorage.getItem("language"), "en");
  setLanguage("fr");
});

test("a day count's label loses how the tables count it where no day is shown", () => {
  setLanguage("fr");
  const age = { label_fr: "Âge (jours, négatif)", label_en: "Age (days, negative)" };
  assert.equal(labelWithoutDays(age), "Âge");
  setLanguage("en");
  assert.equal(labelWithoutDays(age), "Age");
  assert.equal(labelWithoutDays({ label_fr: "Revenu", label_en: "Income" }), "Income");
  setLanguage("fr");
});
