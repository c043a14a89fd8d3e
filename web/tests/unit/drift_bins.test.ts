import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { binNames } from "../../src/drift_bins";
import { setLanguage } from "../../src/i18n";

test("decile bins are named by their bounds, then missing; one per share", () => {
  setLanguage("en");
  const names = binNames({ bins: "deciles", bounds: [0.2, 0.5, 1.5], reference: [], current: [] });
  assert.deepEqual(names, ["≤ 0.2", "0.2 – 0.5", "0.5 – 1.5", "> 1.5", "Not given"]);
  assert.deepEqual(binNames({ bins: "deciles", bounds: [], reference: [], current: [] }), ["All values", "Not given"]);
});

test("value bins are the values training saw, then any other, then missing", () => {
  setLanguage("fr");
  assert.deepEqual(binNames({ bins: "values", bounds: [0, 1], reference: [], current: [] }), [
    "0",
    "1",
    "Autre valeur",
    "Non renseigné",
  ]);
});

test("an application's day counts are named in years, their order turned round", () => {
  setLanguage("en");
  const age = { label_fr: "Âge (jours, négatif)", label_en: "Age (days, negative)", unit: "years" as const };
  const names = binNames({ bins: "deciles", bounds: [-20000, -10000], reference: [], current: [] }, age);
  assert.deepEqual(names, ["≥ 54.8", "27.4 – 54.8", "< 27.4", "Not given"]);
});
