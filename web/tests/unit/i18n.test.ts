import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { currentLanguage, label, labelWithoutDays, setLanguage, t, tCount, texts } from "../../src/i18n";

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

test("counted sentences agree with their count, as each language does", () => {
  setLanguage("fr");
  assert.equal(tCount("whatIfMove", 1.5, { p: "−1,5" }), "Le risque de défaut change de −1,5 point.");
  assert.equal(tCount("whatIfMove", 2, { p: "+2,0" }), "Le risque de défaut change de +2,0 points.");
  assert.match(tCount("driftCount", 0, { top: 20, alarm: "50 %" }), /^Aucune des 20 caractéristiques .* n'a changé/);
  assert.match(tCount("driftCount", 1, { n: 1, top: 20, share: "5 %", alarm: "50 %" }), /^1 des 20 caractéristiques .* a changé/);
  assert.match(tCount("outcomesLine", 0, { n: 12, d: 0 }), /dont 0 impayé,/);
  setLanguage("en");
  assert.equal(tCount("whatIfMove", 1.5, { p: "−1.5" }), "The risk of default changes by −1.5 points.");
  assert.equal(tCount("whatIfMove", 1, { p: "+1.0" }), "The risk of default changes by +1.0 point.");
  setLanguage("fr");
});
