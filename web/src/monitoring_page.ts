// Watching the model, for the analysts who answer for it: whether today's applicants still look
// like those it learned from (each feature's drift, sortable; a drifting feature's values then and
// now), whether its scores and refusals moved, whether it treats women and men, young and old
// alike, and how well it predicts as repayments and defaults come in.
import { api, type Fairness, type FeatureDrift, type FeatureInfo, featureList, type Monitoring } from "./api";
import { barChart } from "./bar_chart";
import { chart, colours, tableOf } from "./charts";
import { lineChart } from "./line_chart";
import { h, section, selectField, status } from "./dom";
import { failure } from "./failure";
import { number, percent } from "./format";
import { featureLabel } from "./feature_units";
import { t, tCount, type TextKey } from "./i18n";
import { binNames, type Histogram } from "./drift_bins";
import { abandoned, View } from "./view";

type Features = Map<string, FeatureInfo>;

const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
const share = (value: number | null | undefined) => (value === null || value === undefined ? t("tooFew") : percent(value));

// Training's shares beside today's, over the same bins.
function histogramChart(view: View, title: string, histogram: Histogram, feature?: FeatureInfo): HTMLElement {
  const names = binNames(histogram, feature);
  return chart(
    view,
    t("thenNowLabel", { f: title }),
    barChart({
      categories: names,
      categoryName: title,
      value: { name: t("shareOfApplications"), format: (v) => percent(v, 0) },
      layout: "side by side",
      series: [
        { name: t("atTraining"), colour: colours.neutral, values: histogram.reference },
        { name: t("now"), colour: colours.safe, values: histogram.current },
      ],
      height: 320,
    }),
    {
      header: [t("valuesColumn"), t("atTraining"), t("now")],
      rows: names.map((name, i) => [name, percent(histogram.reference[i]), percent(histogram.current[i])]),
    },
  );
}

// A table too wide for a phone, in a region that scrolls sideways (and takes the keyboard's focus
// so that it can be scrolled without a mouse).
function scrolling(name: string, ...children: Node[]): HTMLElement {
  return h("div", { class: "table-scroll", role: "region", tabindex: "0", "aria-label": name }, ...children);
}

// What the report says in one sentence or two, before any table.
function verdict(report: Monitoring): HTMLElement {
  const counts = {
    n: report.top_drifted ?? 0,
    top: report.top_features ?? 0,
    share: percent(report.drift_share, 0),
    alarm: percent(Number(report.settings?.["drift_share"]), 0),
  };
  return h(
    "div",
    { class: report.dataset_drift ? "verdict alarm" : "verdict" },
    h("p", {}, h("strong", {}, t(report.dataset_drift ? "datasetDrift" : "noDatasetDrift")), " ", tCount("driftCount", counts.n, counts)),
    h(
      "p",
      {},
      tCount("comparedClients", report.current_clients ?? 0, {
        now: number(report.current_clients ?? 0),
        before: number(report.reference_clients ?? 0),
        run: report.run_id,
      }),
    ),
  );
}

function scoresSection(view: View, report: Monitoring): HTMLElement {
  const p = report.prediction;
  return section(
    "scores-title",
    t("scoresTitle"),
    h(
      "p",
      {},
      t("refusalRates", { now: percent(p.refusal_rate_now), before: percent(p.refusal_rate_before) }),
      " ",
      t(p.scores.drifted ? "scoresMoved" : "scoresStable", { psi: number(p.scores.psi) }),
    ),
    p.scores.histogram ? histogramChart(view, t("scoresTitle"), p.scores.histogram) : null,
  );
}

type Column = { key: TextKey; value: (f: FeatureDrift) => number | string; text: (f: FeatureDrift) => string };

// The features dataset drift counts and every drifting one, in a table each column of which sorts
// it (a button in the header, its order told by aria-sort): the first ones, then all on demand.
const kFirstRows = 20;

// A feature's name in words, from the catalogue.
function named(features: Features, name: string): string {
  const feature = features.get(name);
  return feature ? featureLabel(feature) : name;
}

function driftTable(report: Monitoring, features: Features): HTMLElement {
  const name = (f: FeatureDrift) => named(features, f.name);
  const columns: Column[] = [
    { key: "feature", value: name, text: name },
    { key: "importance", value: (f) => f.importance ?? 0, text: (f) => number(f.importance) },
    { key: "psiColumn", value: (f) => f.psi, text: (f) => `${number(f.psi)} (${t(f.psi_level ?? "stable")})` },
    { key: "testColumn", value: (f) => f.statistic, text: (f) => `${t(f.test)} ${number(f.statistic)}` },
    { key: "driftedColumn", value: (f) => (f.drifted ? 1 : 0), text: (f) => yesNo(f.drifted) },
    { key: "missingBefore", value: (f) => f.missing_before, text: (f) => percent(f.missing_before) },
    { key: "missingNow", value: (f) => f.missing_now, text: (f) => percent(f.missing_now) },
  ];
  const rows = report.features.filter((f) => f.top || f.drifted);
  let by = -1; // report order: drift × importance
  let ascending = false;
  let shown = kFirstRows;
  const holder = h("div");
  const draw = () => {
    const sorted = [...rows];
    if (by >= 0) {
      const value = columns[by].value;
      sorted.sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        const order = typeof x === "string" ? x.localeCompare(String(y)) : x - Number(y);
        return ascending ? order : -order;
      });
    }
    sorted.splice(shown);
    const table = tableOf(
      columns.map(() => ""),
      sorted.map((f) => columns.map((c) => c.text(f))),
    );
    table.tHead?.rows[0].querySelectorAll("th").forEach((th, i) => {
      const button = h("button", { type: "button", class: "sort" }, t(columns[i].key));
      th.setAttribute("aria-sort", i !== by ? "none" : ascending ? "ascending" : "descending");
      button.addEventListener("click", () => {
        ascending = by === i ? !ascending : columns[i].key === "feature";
        by = i;
        draw();
        (holder.querySelectorAll("th button")[i] as HTMLButtonElement).focus();
      });
      th.append(button);
    });
    table.tBodies[0].querySelectorAll("tr").forEach((tr, i) => {
      if (sorted[i].drifted) tr.classList.add("drifted");
    });
    const parts: Node[] = [scrolling(t("driftTitle"), table)];
    if (shown < rows.length) {
      const more = h("button", { type: "button", class: "secondary" }, t("showAllFeatures", { n: rows.length }));
      more.addEventListener("click", () => {
        shown = rows.length;
        draw();
      });
      parts.push(more);
    }
    holder.replaceChildren(...parts);
  };
  draw();
  return section(
    "drift-title",
    t("driftTitle"),
    h("p", {}, t("driftHelp")),
    h("p", { class: "hint" }, t("sortHint")),
    holder,
  );
}

// One drifting feature at a time, chosen from a list: its values at training and now.
function thenNow(view: View, report: Monitoring, features: Features): HTMLElement {
  const drifting = report.features.filter((f) => f.drifted && f.histogram);
  if (drifting.length === 0) return section("then-now-title", t("thenNowTitle"), status(t("nothingDrifted")));
  const [field, select] = selectField(
    "drift-feature",
    t("feature"),
    drifting.map((f) => [f.name, named(features, f.name)]),
    drifting[0].name,
  );
  const holder = h("div", { "aria-live": "polite" });
  const draw = () => {
    const feature = drifting.find((f) => f.name === select.value) ?? drifting[0];
    const region = view.redraw();
    holder.replaceChildren(
      h("p", {}, t("thenNowLine", { psi: number(feature.psi), before: percent(feature.missing_before), now: percent(feature.missing_now) })),
      histogramChart(region, named(features, feature.name), feature.histogram as Histogram, features.get(feature.name)),
    );
  };
  select.addEventListener("change", draw);
  draw();
  return section("then-now-title", t("thenNowTitle"), h("p", {}, t("thenNowHelp")), field, holder);
}

const groupWords: Record<string, TextKey> = {
  F: "women",
  M: "men",
  under_25: "ageUnder25",
  "25_34": "age25to34",
  "35_49": "age35to49",
  "50_64": "age50to64",
  "65_and_over": "age65andOver",
};

// Each group's decisions now, beside those out of fold at training.
function fairnessSection(report: Monitoring): HTMLElement {
  const now = report.fairness.now as Fairness;
  const before = report.fairness.at_training as Fairness | null;
  const tables = now.attributes.map((attribute) => {
    const training = before?.attributes.find((a) => a.attribute === attribute.attribute);
    const rows = attribute.groups.map((g) => {
      const then = training?.groups.find((x) => x.name === g.name);
      return [
        t(groupWords[g.name] ?? "otherValue"),
        number(g.clients),
        share(g.approval_rate),
        number(g.disparate_impact),
        g.four_fifths === null || g.four_fifths === undefined ? t("tooFew") : t(g.four_fifths ? "fourFifthsMet" : "fourFifthsNotMet"),
        share(g.false_positive_rate),
        share(g.true_positive_rate),
        share(then?.approval_rate),
        number(then?.disparate_impact),
      ];
    });
    const title = t(attribute.attribute === "sex" ? "bySex" : "byAge");
    return h(
      "div",
      {},
      h("h3", {}, title),
      scrolling(
        title,
        tableOf(
        [t("groupColumn"), t("clientsColumn"), t("approvedColumn"), t("ratioColumn"), t("fourFifthsColumn"), t("goodRefusedColumn"), t("defaultersRefusedColumn"), t("approvedAtTraining"), t("ratioAtTraining")],
          rows,
        ),
      ),
    );
  });
  return section(
    "fairness-title",
    t("fairnessTitle"),
    h("p", {}, t("fairnessHelp", { n: now.min_clients })),
    h("p", {}, t("fourFifthsLimits")),
    ...tables,
  );
}

// The quality on the outcomes that have come in, beside the promise made at training, and by
// month of application.
function qualitySection(view: View, report: Monitoring): HTMLElement {
  const q = report.quality;
  const figures = tableOf(
    [t("metric"), t("now"), t("atTraining")],
    [
      [t("rocAuc"), number(q.roc_auc), number(q.out_of_fold.roc_auc)],
      [t("costPerClient"), number(q.cost_per_client), number(q.out_of_fold.cost_per_client)],
      [t("calibrationError"), number(q.calibration_error), number(q.out_of_fold.calibration_error)],
    ],
  );
  const months = q.by_month;
  const course =
    months.length === 0
      ? null
      : chart(
          view,
          t("qualityOverTime"),
          lineChart({
            x: { name: t("monthColumn"), categories: months.map((m) => m.month) },
            y: { name: t("rocAuc"), min: 0.5, max: 1 },
            lines: [{ points: months.map((m, i) => [i, m.roc_auc]), colour: colours.safe, width: 3, dots: true }],
            rules: [{ axis: "y", at: q.out_of_fold.roc_auc, label: t("atTraining") }],
            height: 260,
          }),
          {
            header: [t("monthColumn"), t("outcomesColumn"), t("rocAuc"), t("costPerClient"), t("calibrationError")],
            rows: months.map((m) => [m.month, number(m.clients), number(m.roc_auc), number(m.cost_per_client), number(m.calibration_error)]),
          },
        );
  return section(
    "quality-title",
    t("qualityTitle"),
    h("p", {}, q.clients === 0 ? t("noOutcomes") : tCount("outcomesLine", q.defaulters, { n: number(q.clients), d: number(q.defaulters) })),
    figures,
    course ? h("h3", {}, t("qualityOverTime")) : null,
    course,
  );
}

// Which applications to compare: those made or updated within dates, and at most the last N.
function windowForm(onChange: (query: string) => void): HTMLFormElement {
  const input = (id: string, text: string, type: string) => {
    const element = h("input", { id, name: id, type });
    return [h("div", { class: "field" }, h("label", { for: id }, text), element), element] as const;
  };
  const [sinceField, since] = input("monitor-since", t("windowSince"), "date");
  const [untilField, until] = input("monitor-until", t("windowUntil"), "date");
  const [lastField, last] = input("monitor-last", t("windowLast"), "number");
  last.min = "1";
  last.setAttribute("inputmode", "numeric");
  const form = h(
    "form",
    { class: "controls", id: "monitor-window" },
    h("fieldset", { class: "filters" }, h("legend", {}, t("windowTitle")), sinceField, untilField, lastField),
    h("button", { type: "submit" }, t("show")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    if (since.value) query.set("since", since.value);
    if (until.value) query.set("until", until.value);
    if (last.value) query.set("last", last.value);
    onChange(query.toString());
  });
  return form;
}

export function renderMonitoring(main: HTMLElement, view: View): void {
  const results = h("div", { "aria-live": "polite" });
  const draw = async (query: string) => {
    results.replaceChildren(status(t("loading")));
    const region = view.redraw();
    try {
      const [report, list] = await Promise.all([api.monitoring(query, region.signal), featureList()]);
      if (!region.mounted) return;
      const features: Features = new Map(list.map((f) => [f.feature, f]));
      results.replaceChildren(
        verdict(report),
        scoresSection(region, report),
        driftTable(report, features),
        thenNow(region, report, features),
        fairnessSection(report),
        qualitySection(region, report),
      );
    } catch (error) {
      if (abandoned(error) || !region.mounted) return;
      // The window's fields are dates and a count: refused, they hold no application.
      results.replaceChildren(failure(error, { 422: "emptyWindow" }));
    }
  };
  main.replaceChildren(
    h("h1", {}, t("monitoringTitle")),
    h("p", {}, t("monitoringIntro")),
    windowForm((query) => void draw(query)),
    results,
  );
  void draw("");
}
