import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { decisionText, number, percent, points } from "../../src/format";
import { setLanguage } from "../../src/i18n";

// Intl writes a narrow no-break space in French numbers: compare without it.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

test("numbers as each language writes them, missing as a dash", () => {
  setLanguage("fr");
  assert.equal(plain(percent(0.084)), "8,4 %");
  assert.equal(plain(number(130749)), "130 749");
  assert.equal(number(0.25), "0,25");
  assert.equal(points(0.021), "+2,1");
  assert.equal(points(-0.021), "−2,1");
  assert.equal(number(null), "—");
  assert.equal(number(Number.NaN), "—");
  setLanguage("en");
  assert.equal(percent(0.084), "8.4%");
  assert.equal(number(130749), "130,749");
  setLanguage("fr");
});

test("a client never scored has no decision, never a grant", () => {
  setLanguage("fr");
  assert.equal(decisionText(null), "Pas encore évalué");
  assert.equal(decisionText("refused"), "Refusé");
  assert.equal(decisionText("granted"), "Accordé");
});
