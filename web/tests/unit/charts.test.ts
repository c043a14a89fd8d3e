import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { inReadersNumbers } from "../../src/charts";
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
