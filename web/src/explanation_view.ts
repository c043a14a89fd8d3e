// A score explained: the decision in words, the reason codes each way, and the waterfall from
// the average client's probability to this client's.
import { Explanation } from "./api";
import { chart, colours } from "./charts";
import { h } from "./dom";
import { percent, points } from "./format";
import { type Row, rowChart } from "./row_chart";
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
  const rows: Row[] = [{ name: t("averageClient"), from: 0, to: e.base_probability, colour: colours.neutral, note: percent(e.base_probability) }];
  let running = e.base_probability;
  for (const step of steps) {
    const rises = step.effect >= 0;
    rows.push({ name: step.name, from: running, to: running + step.effect, colour: rises ? colours.risk : colours.safe, hatched: rises, note: points(step.effect) });
    running += step.effect;
  }
  rows.push({ name: t("thisClient"), from: 0, to: e.probability, colour: colours.client, note: percent(e.probability) });
  const drawing = rowChart({
    rows,
    rowName: t("feature"),
    value: { name: `${t("probability")} (%)`, format: (v) => percent(v, 0) },
    height: 320,
  });
  const table = [
    [t("averageClient"), "", percent(e.base_probability)],
    ...steps.map((s) => [s.name, s.value, points(s.effect)]),
    [t("thisClient"), "", percent(e.probability)],
  ];
  return chart(
    view,
    t("waterfallTitle") + " : " + percent(e.base_probability) + " → " + percent(e.probability),
    drawing,
    { header: [t("factor"), t("value"), t("effect")], rows: table },
  );
}
