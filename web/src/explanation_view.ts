// A score explained: the decision in words, the reason codes each way, and the waterfall from
// the average client's probability to this client's.
import { Explanation } from "./api";
import { chart, colours } from "./charts";
import { h } from "./dom";
import { percent, points } from "./format";
import { currentLanguage, label, t, tCount } from "./i18n";
import { View } from "./view";

export function decisionWords(score: { probability: number; threshold: number }): string {
  const params = {
    p: percent(score.probability),
    t: percent(score.threshold),
    d: points(score.probability - score.threshold).replace(/^[+−]/, ""),
  };
  const gap = Math.round(Math.abs(score.probability - score.threshold) * 1000) / 10;
  return tCount(score.probability >= score.threshold ? "aboveThreshold" : "belowThreshold", gap, params);
}

export function decisionBadge(decision: "granted" | "refused"): HTMLElement {
  // The word and a symbol carry the decision; the colour only repeats it.
  return h(
    "strong",
    { class: `decision ${decision}` },
    decision === "refused" ? `✕ ${t("refused")}` : `✓ ${t("granted")}`,
  );
}

function reasonList(title: string, reasons: Explanation["reasons"]["towards_refusal"]): HTMLElement {
  const fr = currentLanguage() === "fr";
  return h(
    "div",
    { class: "reasons" },
    h("h3", {}, title),
    reasons.length
      ? h("ol", {}, ...reasons.map((reason) => h("li", {}, fr ? reason.fr : reason.en)))
      : h("p", {}, t("none")),
  );
}

export function reasonsView(e: Explanation): HTMLElement {
  return h(
    "div",
    { class: "two-columns" },
    reasonList(t("towardsRefusal"), e.reasons.towards_refusal),
    reasonList(t("towardsAcceptance"), e.reasons.towards_acceptance),
  );
}

// Base → contributions → others → client, each bar floating from the running total.
export function waterfall(view: View, e: Explanation): HTMLElement {
  const steps = [
    ...e.contributions.map((c) => ({ name: label(c), effect: c.effect, value: currentLanguage() === "fr" ? c.value_fr : c.value_en })),
    { name: t("otherFactors", { n: e.others.count }), effect: e.others.effect, value: "" },
  ];
  const names = [t("averageClient"), ...steps.map((s) => s.name), t("thisClient")];
  const starts: number[] = [0];
  const sizes: number[] = [e.base_probability * 100];
  const fills: string[] = [colours.neutral];
  let running = e.base_probability;
  for (const step of steps) {
    starts.push(Math.min(running, running + step.effect) * 100);
    sizes.push(Math.abs(step.effect) * 100);
    fills.push(step.effect >= 0 ? colours.risk : colours.safe);
    running += step.effect;
  }
  starts.push(0);
  sizes.push(e.probability * 100);
  fills.push(colours.client);
  const options = {
    grid: { left: 260, right: 40, top: 30, bottom: 50 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", axisLabel: { formatter: "{value} %" }, name: `${t("probability")} (%)`, nameLocation: "middle", nameGap: 28 },
    yAxis: { type: "category", inverse: true, data: names, axisLabel: { width: 240 }, name: t("feature"), nameLocation: "start" },
    series: [
      { type: "bar", stack: "w", itemStyle: { color: "transparent" }, data: starts, tooltip: { show: false } },
      {
        type: "bar",
        stack: "w",
        data: sizes.map((size, i) => ({
          value: size,
          itemStyle: {
            color: fills[i],
            decal: fills[i] === colours.risk ? { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: 0.8 } : undefined,
          },
        })),
        label: {
          show: true,
          position: "right",
          formatter: (p: { dataIndex: number }) =>
            p.dataIndex === 0 || p.dataIndex === names.length - 1
              ? percent(p.dataIndex === 0 ? e.base_probability : e.probability)
              : points(steps[p.dataIndex - 1].effect),
        },
      },
    ],
  };
  const rows = [
    [t("averageClient"), "", percent(e.base_probability)],
    ...steps.map((s) => [s.name, s.value, points(s.effect)]),
    [t("thisClient"), "", percent(e.probability)],
  ];
  return chart(
    view,
    t("waterfallTitle") + " : " + percent(e.base_probability) + " → " + percent(e.probability),
    options,
    { header: [t("factor"), t("value"), t("effect")], rows },
    Math.max(320, 28 * names.length + 40),
  );
}
