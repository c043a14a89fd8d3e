// The model: its version, measured quality, ROC and business-cost curves with the chosen
// threshold, the most important features and how each moves the score; its card to download.
import { api } from "./api";
import { chart, colours, tableOf } from "./charts";
import { dotChart } from "./dot_chart";
import { lineChart } from "./line_chart";
import { rowChart } from "./row_chart";
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
    const roc = e.roc_curve.points.map((p): [number, number] => [p[1], p[2]]);
    const cost = e.cost_curve.points.map((p): [number, number] => [p[0], p[1]]);
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
          lineChart({
            x: { name: t("falsePositiveRate"), min: 0, max: 1 },
            y: { name: t("truePositiveRate"), min: 0, max: 1 },
            lines: [
              { points: roc, colour: colours.safe, width: 3 },
              { points: [[0, 0], [1, 1]], colour: colours.neutral, dashed: true },
            ],
            height: 320,
          }),
          { header: [t("falsePositiveRate"), t("truePositiveRate")], rows: roc.filter((_, i) => i % 10 === 0).map((p) => [number(p[0]), number(p[1])]) },
        ),
      ),
      section(
        "cost-title",
        t("costTitle"),
        chart(
          view,
          t("titledFigure", { title: t("costTitle"), figure: `${t("threshold")} ${percent(model.threshold)}` }),
          lineChart({
            x: { name: t("threshold"), min: 0, max: 1, format: (v) => percent(v, 0) },
            y: { name: t("costAtThreshold") },
            lines: [{ points: cost, colour: colours.risk, width: 3 }],
            rules: [{ axis: "x", at: model.threshold, label: `${t("threshold")} ${percent(model.threshold)}` }],
            height: 320,
          }),
          { header: [t("threshold"), t("costAtThreshold")], rows: cost.filter((_, i) => i % 10 === 0).map((p) => [percent(p[0], 0), number(p[1])]) },
        ),
      ),
      section(
        "importance-title",
        t("importanceTitle"),
        chart(
          view,
          t("importanceTitle"),
          rowChart({
            rows: model.importance.map((f) => ({ name: labelWithoutDays(f), from: 0, to: f.mean_abs_shap, colour: colours.safe })),
            rowName: t("feature"),
            value: { name: t("importance") },
            height: 320,
          }),
          { header: [t("feature"), t("importance")], rows: model.importance.map((f) => [labelWithoutDays(f), number(f.mean_abs_shap)]) },
        ),
      ),
      section(
        "summary-title",
        t("summaryTitle"),
        h("p", {}, t("summaryHelp")),
        chart(
          view,
          t("summaryTitle"),
          dotChart({
            x: { name: t("effectOnRisk") },
            y: { name: t("feature"), rows: summary.map((f) => labelWithoutDays(f)) },
            // Each client's effect on their feature's row, spread a little up and down so that
            // the dots do not hide one another; shaded by how high the client's value ranks.
            dots: summary.flatMap((f, row) => {
              const present = f.values.filter((v): v is number => v !== null).sort((a, b) => a - b);
              const rank = (v: number) => (present.length ? present.findIndex((p) => p >= v) / present.length : 0.5);
              return f.shap.map((effect, i) => ({ x: effect, y: row + (((i * 7919) % 100) / 100 - 0.5) * 0.6, shade: f.values[i] === null ? null : rank(f.values[i] as number) }));
            }),
            radius: 2,
            shading: { high: t("valueHigh"), low: t("valueLow") },
            height: 320,
          }),
          { header: [t("feature"), t("importance")], rows: summary.map((f) => [labelWithoutDays(f), number(f.mean_abs_shap)]) },
        ),
      ),
    );
  } catch (error) {
    if (abandoned(error) || !view.mounted) return;
    main.replaceChildren(failure(error));
  }
}
