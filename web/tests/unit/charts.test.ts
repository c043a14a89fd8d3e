import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { fittedToWidth, inReadersNumbers, unexplained, wrapWords } from "../../src/charts";
import { setLanguage } from "../../src/i18n";

type Formatter = (v: unknown) => string;
const formatter = (axis: unknown) => (axis as { axisLabel: { formatter: Formatter } }).axisLabel.formatter;

test("value axes and tooltips write numbers as the reader's language does", () => {
  setLanguage("fr");
  const options = inReadersNumbers({
    xAxis: { type: "value", axisLabel: { formatter: "{value} %" } },
    yAxis: [{ name: "clients" }, { type: "category", data: ["a"] }],
    tooltip: { trigger: "axis" },
  }) as Record<string, unknown>;
  assert.equal(formatter(options.xAxis)(2.5), "2,5 %");
  const [counts, categories] = options.yAxis as unknown[];
  assert.equal(formatter(counts)(2500).replace(/\s/g, " "), "2 500");
  assert.deepEqual(categories, { type: "category", data: ["a"] }, "a category axis is left as it is");
  const tooltip = (options.tooltip as { valueFormatter: Formatter }).valueFormatter;
  assert.equal(tooltip(0.25), "0,25");
  setLanguage("en");
  assert.equal(formatter(inReadersNumbers({ yAxis: {} }).yAxis)(2500), "2,500");
  setLanguage("fr");
});

test("a category x axis by default, and a formatter already given, are kept", () => {
  const own = (v: number) => `${v}!`;
  const options = inReadersNumbers({ xAxis: { data: ["a"] }, yAxis: { axisLabel: { formatter: own } } }) as Record<string, unknown>;
  assert.deepEqual(options.xAxis, { data: ["a"] });
  assert.equal(formatter(options.yAxis), own);
});

test("a chart without a title or with an axis unnamed is refused", () => {
  const named = { xAxis: { type: "value", name: "Seuil" }, yAxis: [{ name: "Coût" }, { show: false }] };
  assert.deepEqual(unexplained("Coût selon le seuil", named), []);
  assert.deepEqual(unexplained(" ", { xAxis: { type: "value" }, yAxis: { name: "" } }), ["no title", "xAxis[0] has no name", "yAxis[0] has no name"]);
});

test("feature names take at most 40 % of a narrow chart, wrapped between words, and the chart grows for them", () => {
  const names = ["Score externe n°3", "Moyenne : Montant demandé / accordé (demandes précédentes refusées)"];
  const options = { grid: { left: 280, right: 30, top: 10, bottom: 40 }, yAxis: { type: "category", data: names, axisLabel: { width: 260 } } };
  const phone = fittedToWidth(options, 325, 100);
  assert.deepEqual(phone.options.grid, { left: 150, right: 30, top: 10, bottom: 40 });
  const y = phone.options.yAxis as { axisLabel: { width: number; formatter: (v: string) => string } };
  assert.equal(y.axisLabel.width, 130);
  assert.equal(y.axisLabel.formatter(names[1]), "Moyenne : Montant\ndemandé / accordé\n(demandes\nprécédentes\nrefusées)");
  assert.equal(phone.height, 2 * (5 * 14 + 8) + 50, "two rows of five lines");
  const desktop = fittedToWidth(options, 1200, 400);
  assert.equal((desktop.options.yAxis as { axisLabel: { width: number } }).axisLabel.width, 260);
  assert.equal(desktop.height, 400, "tall enough already");
  // An x axis's name wraps within the plot, and its ticks thin out.
  const named = fittedToWidth({ grid: { left: 60, right: 20 }, xAxis: { type: "value", name: "Nombre de retraits au distributeur, en moyenne par mois" } }, 200, 300).options;
  assert.deepEqual(named.xAxis, { type: "value", name: "Nombre de\nretraits au\ndistributeur, en\nmoyenne par mois", splitNumber: 2 });
  assert.equal(wrapWords("Âge (ans)", 40), "Âge (ans)");
  assert.equal(wrapWords("anticonstitutionnellement long", 10), "anticonstitutionnellement\nlong", "a word is never cut");
});
