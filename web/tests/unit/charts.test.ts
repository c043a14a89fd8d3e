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

test("feature names take at most 40 % of a narrow chart, and axis names wrap between words", () => {
  const options = { grid: { left: 280, right: 30 }, yAxis: { type: "category", axisLabel: { width: 260, overflow: "truncate" } } };
  const phone = fittedToWidth(options, 325);
  assert.deepEqual(phone.options.grid, { left: 150, right: 30 });
  assert.deepEqual(phone.options.yAxis, { type: "category", axisLabel: { width: 130, overflow: "break" } });
  assert.equal(phone.growth, 2);
  const desktop = fittedToWidth(options, 1200);
  assert.equal((desktop.options.yAxis as { axisLabel: { width: number } }).axisLabel.width, 260);
  assert.equal(desktop.growth, 1);
  assert.equal(fittedToWidth({ yAxis: { type: "value" } }, 300).growth, 1);
  // An x axis's name wraps within the plot.
  const named = fittedToWidth({ grid: { left: 60, right: 20 }, xAxis: { name: "Nombre de retraits au distributeur, en moyenne par mois" } }, 200).options;
  assert.deepEqual(named.xAxis, { name: "Nombre de\nretraits au\ndistributeur, en\nmoyenne par mois" });
  assert.equal(wrapWords("Âge (ans)", 40), "Âge (ans)");
  assert.equal(wrapWords("anticonstitutionnellement long", 10), "anticonstitutionnellement\nlong", "a word is never cut");
});
