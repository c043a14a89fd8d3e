// The model: its version, measured quality, ROC and business-cost curves with the chosen
// threshold, the most important features and how each moves the score; its card to download.
import { api } from "./api";
import { chart, colours, tableOf } from "./charts";
import { h, section, status } from "./dom";
import { failure } from "./failure";
import { moment, number, percent } from "./format";
import { labelWithoutDays, t } from "./i18n";
import { abandoned, View } from "./view";

// The model card (AI Act Art. 13), to download in either language and format.
function modelCard(): HTMLElement {
  const link = (lang: "fr" | "en", format: "pdf" | "markdown", text: string) =>
    h("li", {}, h("a", { href: api.modelCardUrl(lang, format), download: "" }, text));
  return h(
    "ul",
    { class: "documents" },
    link("fr", "pdf", t("modelCardFr")),
    link("en", "pdf", t("modelCardEn")),
    link("fr", "markdown", t("modelCardMarkdown")),
  );
}

export async function renderModel(main: HTMLElement, view: View): Promise<void> {
  main.replaceChildren(status(t("loading")));
  try {
    const [model, global] = await Promise.all([api.model(view.signal), api.global(view.signal)]);
    if (!view.mounted) return;
    const e = model.evaluation;
    const roc = e.roc_curve.points.map((p) => [p[1], p[2]]);
    const cost = e.cost_curve.points.map((p) => [p[0], p[1]]);
    const importance = [...model.importance].reverse();
    const summary = global.features.slice(0, 10);
    main.replaceChildren(
      h("h1", {}, t("modelTitle")),
      h("p", {}, t("versionLine", { run: model.run_id, at: moment(model.created_at) })),
      modelCard(),
      section(
        "metrics-title",
        t("metrics"),
        h("p", {}, t("costRule", { r: number(model.cost_ratio) })),
        tableOf(
          [t("metric"), t("value"), t("meaning")],
          [
            [t("rocAuc"), number(e.roc_auc), t("rocAucMeaning")],
            [t("prAuc"), number(e.pr_auc), t("prAucMeaning")],
            [t("brier"), number(e.brier_score), t("brierMeaning")],
            [t("threshold"), percent(model.threshold), t("thresholdMeaning")],
            [t("costAtThreshold"), number(e.cost_at_threshold), t("costAtThresholdMeaning", { r: number(model.cost_ratio) })],
            [t("costAtHalf"), number(e.cost_at_half), t("costAtHalfMeaning")],
          ],
        ),
      ),
      section(
        "roc-title",
        t("rocTitle"),
        chart(
          view,
          t("titledFigure", { title: t("rocTitle"), figure: `${t("rocAuc")} ${number(e.roc_auc)}` }),
          {
            grid: { left: 70, right: 20, top: 20, bottom: 50 },
            xAxis: { type: "value", min: 0, max: 1, name: t("falsePositiveRate"), nameLocation: "middle", nameGap: 30 },
            yAxis: { type: "value", min: 0, max: 1, name: t("truePositiveRate"), nameLocation: "middle", nameGap: 45 },
            series: [
              { type: "line", showSymbol: false, data: roc, lineStyle: { color: colours.safe, width: 3 } },
              { type: "line", showSymbol: false, data: [[0, 0], [1, 1]], lineStyle: { color: colours.neutral, type: "dashed" } },
            ],
          },
          { header: [t("falsePositiveRate"), t("truePositiveRate")], rows: roc.filter((_, i) => i % 10 === 0).map((p) => [number(p[0]), number(p[1])]) },
        ),
      ),
      section(
        "cost-title",
        t("costTitle"),
        chart(
          view,
          t("titledFigure", { title: t("costTitle"), figure: `${t("threshold")} ${percent(model.threshold)}` }),
          {
            grid: { left: 70, right: 20, top: 20, bottom: 50 },
            tooltip: { trigger: "axis" },
            xAxis: { type: "value", min: 0, max: 1, name: t("threshold"), nameLocation: "middle", nameGap: 30, axisLabel: { formatter: (v: number) => percent(v, 0) } },
            yAxis: { type: "value", name: t("costAtThreshold"), nameLocation: "middle", nameGap: 45 },
            series: [
              {
                type: "line",
                showSymbol: false,
                data: cost,
                lineStyle: { color: colours.risk, width: 3 },
                markLine: { symbol: "none", label: { formatter: `${t("threshold")} ${percent(model.threshold)}` }, lineStyle: { color: colours.client, type: "dashed" }, data: [{ xAxis: model.threshold }] },
              },
            ],
          },
          { header: [t("threshold"), t("costAtThreshold")], rows: cost.filter((_, i) => i % 10 === 0).map((p) => [percent(p[0], 0), number(p[1])]) },
        ),
      ),
      section(
        "importance-title",
        t("importanceTitle"),
        chart(
          view,
          t("importanceTitle"),
          {
            grid: { left: 280, right: 30, top: 30, bottom: 45 },
            tooltip: {},
            xAxis: { type: "value", name: t("importance"), nameLocation: "middle", nameGap: 25 },
            yAxis: { type: "category", data: importance.map((f) => labelWithoutDays(f)), axisLabel: { width: 260 }, name: t("feature") },
            series: [{ type: "bar", data: importance.map((f) => f.mean_abs_shap), itemStyle: { color: colours.safe } }],
          },
          { header: [t("feature"), t("importance")], rows: model.importance.map((f) => [labelWithoutDays(f), number(f.mean_abs_shap)]) },
          Math.max(320, 24 * importance.length + 40),
        ),
      ),
      section(
        "summary-title",
        t("summaryTitle"),
        h("p", {}, t("summaryHelp")),
        chart(
          view,
          t("summaryTitle"),
          {
            grid: { left: 280, right: 90, top: 30, bottom: 50 },
            xAxis: { type: "value", name: t("effectOnRisk"), nameLocation: "middle", nameGap: 28 },
            yAxis: {
              type: "value",
              name: t("feature"),
              nameLocation: "start",
              inverse: true,
              min: -0.5,
              max: summary.length - 0.5,
              interval: 1,
              splitLine: { show: false },
              // One label per feature, on its row (the ticks of min -0.5 fall between rows).
              axisTick: { customValues: summary.map((_, row) => row) },
              axisLabel: {
                width: 260,
                customValues: summary.map((_, row) => row),
                formatter: (v: number) => labelWithoutDays(summary[Math.round(v)]),
              },
            },
            visualMap: { dimension: 2, min: 0, max: 1, right: 0, text: [t("valueHigh"), t("valueLow")], inRange: { color: [colours.safe, "#F0E442", colours.risk] } },
            series: [
              {
                type: "scatter",
                symbolSize: 4,
                data: summary.flatMap((f, row) => {
                  const present = f.values.filter((v): v is number => v !== null).sort((a, b) => a - b);
                  const rank = (v: number) => (present.length ? present.findIndex((p) => p >= v) / present.length : 0.5);
                  return f.shap.map((s, i) => [s, row + (((i * 7919) % 100) / 100 - 0.5) * 0.6, f.values[i] === null ? 0.5 : rank(f.values[i] as number)]);
                }),
              },
            ],
          },
          { header: [t("feature"), t("importance")], rows: summary.map((f) => [labelWithoutDays(f), number(f.mean_abs_shap)]) },
          Math.max(320, 40 * summary.length + 40),
        ),
      ),
    );
  } catch (error) {
    if (abandoned(error) || !view.mounted) return;
    main.replaceChildren(failure(error));
  }
}
