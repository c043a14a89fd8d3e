import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { categoryAxisLeft, categoryAxisRoom, linearScale, rowLabels, wrapWords } from "../../src/chart_frame";
import { colours, type Drawing, unexplained } from "../../src/charts";
import { shadeColour } from "../../src/dot_chart";
import { setLanguage } from "../../src/i18n";
import { rowChartHeight } from "../../src/row_chart";

const drawing = (...axes: string[]): Drawing => ({ axes, draw: () => { throw new Error("not drawn here"); } });

test("a chart without a title or with an axis unnamed is refused", () => {
  assert.deepEqual(unexplained("Coût selon le seuil", drawing("Seuil", "Coût")), []);
  assert.deepEqual(unexplained(" ", drawing("Seuil", " ")), ["no title", "axis 2 has no name"]);
  assert.deepEqual(unexplained("Jauge", drawing()), [], "a gauge has no axis to name");
});

test("value axes write their ticks as the reader's language does", () => {
  setLanguage("fr");
  const counts = linearScale({ name: "clients" }, [0, 2400], [300, 0], 5);
  assert.deepEqual(counts.ticks, [0, 500, 1000, 1500, 2000, 2500], "round ticks over the data, widened to a round end");
  assert.equal(counts.format(2500).replace(/\s/g, " "), "2 500");
  assert.equal(linearScale({ name: "x" }, [0.2, 0.25], [0, 100], 5).format(0.25), "0,25");
  setLanguage("en");
  assert.equal(counts.format(2500), "2,500");
  setLanguage("fr");
  const own = linearScale({ name: "%", format: (v) => `${v}!` }, [1], [0, 1], 2);
  assert.equal(own.format(3), "3!", "a format given is kept");
});

test("a scale maps its range's ends, holds zero for bars, and has fixed ends when given", () => {
  const bars = linearScale({ name: "n", fromZero: true }, [40, 90], [200, 0], 5);
  assert.equal(bars.at(0), 200);
  assert.equal(bars.at(100), 0);
  const fixed = linearScale({ name: "AUC", min: 0.5, max: 1 }, [0.81], [0, 100], 5);
  assert.equal(fixed.at(0.5), 0);
  assert.equal(fixed.at(1), 100);
  assert.deepEqual(fixed.ticks, [0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  const one = linearScale({ name: "x" }, [7, 7], [0, 100], 5);
  assert.ok(one.at(7) > 0 && one.at(7) < 100, "a single value sits inside its axis");
  const zeros = linearScale({ name: "n", fromZero: true }, [0, 0], [200, 0], 5);
  assert.deepEqual([zeros.at(0), zeros.at(1)], [200, 0], "empty bins: bars on the axis's foot");
  const none = linearScale({ name: "x" }, [], [0, 100], 5);
  assert.deepEqual([none.at(0), none.at(1)], [0, 100], "no data: 0 to 1");
});

test("feature names take at most 40 % of a narrow chart, wrapped between words, and the chart grows for them", () => {
  const names = ["Score externe n°3", "Moyenne : Montant demandé / accordé (demandes précédentes refusées)"];
  const phone = rowLabels(names, 325);
  assert.equal(phone.width, 130);
  assert.equal(phone.labels[1], "Moyenne : Montant\ndemandé / accordé\n(demandes\nprécédentes\nrefusées)");
  assert.equal(phone.rowHeight, 5 * 14 + 8, "each row as tall as five lines");
  const desktop = rowLabels(names, 1200);
  assert.equal(desktop.width, 260);
  assert.equal(desktop.labels[0], "Score externe n°3");
  const spec = { rows: names.map((name) => ({ name, from: 0, to: 1, colour: colours.safe })), rowName: "Caractéristique", value: { name: "Importance" }, height: 320 };
  assert.equal(rowChartHeight(spec, 1200), 320, "tall enough already");
  assert.ok(rowChartHeight(spec, 325) > 2 * phone.rowHeight, "grows on a phone");
  assert.equal(wrapWords("Âge (ans)", 40), "Âge (ans)");
  assert.equal(wrapWords("anticonstitutionnellement long", 10), "anticonstitutionnellement\nlong", "a word is never cut");
});

test("category labels lie flat when they fit their band, and are turned, with room, when they do not", () => {
  const months = ["2026-11", "2026-12"];
  assert.equal(categoryAxisRoom(months, 400, 1), 22 + 14 + 6);
  assert.equal(categoryAxisLeft(months, 400), 0);
  const bins = ["20,5 – 22,9", "Prêt renouvelable"];
  assert.ok(categoryAxisRoom(bins, 40, 1) > 22 + 14 + 6);
  assert.ok(categoryAxisLeft(bins, 40) > 0, "the first turned label reaches left of its band");
});

test("the shading runs from blue through yellow to vermillion, clipped at its ends", () => {
  assert.equal(shadeColour(0), colours.safe.toLowerCase());
  assert.equal(shadeColour(0.5), "#f0e442");
  assert.equal(shadeColour(1), colours.risk.toLowerCase());
  assert.equal(shadeColour(3), shadeColour(1));
  assert.equal(shadeColour(-1), shadeColour(0));
});
