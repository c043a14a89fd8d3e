// Charts through Apache ECharts, with what every chart here shares: the Okabe–Ito palette (safe
// for colour-blind readers), decal patterns as a second cue, ARIA descriptions, and a table of
// the numbers beside the chart for those who do not see it.
import * as echarts from "echarts/core";
// Only the parts the dashboard draws, so that its script stays small.
import { BarChart, GaugeChart, LineChart, ScatterChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

import { number } from "./format";
import { t } from "./i18n";
import { View } from "./view";

echarts.use([
  BarChart,
  GaugeChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  SVGRenderer,
]);

// Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
export const colours = {
  risk: "#D55E00", // vermillion: raises the risk, defaulted
  safe: "#0072B2", // blue: lowers the risk, repaid
  neutral: "#999999",
  pending: "#E69F00", // orange: outcome unknown
  client: "#000000",
};

export type ChartOptions = echarts.EChartsCoreOption;

type Axis = { type?: string; axisLabel?: { formatter?: unknown } };

// Numbers in the reader's language on every value axis and in tooltips: ECharts itself writes
// "2,500" and "0.2" whatever the page's language. A label template ("{value} %") is kept.
export function inReadersNumbers(options: ChartOptions): ChartOptions {
  const localised = (axis: Axis, defaultType: string): Axis => {
    const given = axis.axisLabel?.formatter;
    if ((axis.type ?? defaultType) !== "value" || typeof given === "function") return axis;
    const template = typeof given === "string" ? given : "{value}";
    return { ...axis, axisLabel: { ...axis.axisLabel, formatter: (v: number) => template.replace("{value}", number(v)) } };
  };
  const each = (axes: unknown, defaultType: string) =>
    Array.isArray(axes) ? axes.map((a: Axis) => localised(a, defaultType)) : localised(axes as Axis, defaultType);
  const out: Record<string, unknown> = { ...options };
  if (out.xAxis) out.xAxis = each(out.xAxis, "category");
  if (out.yAxis) out.yAxis = each(out.yAxis, "value");
  const tooltip = out.tooltip as { valueFormatter?: unknown } | undefined;
  if (tooltip && !tooltip.valueFormatter) {
    const shown = (v: unknown): string => (typeof v === "number" ? number(v) : Array.isArray(v) ? v.map(shown).join(" ; ") : String(v ?? "—"));
    out.tooltip = { ...tooltip, valueFormatter: shown };
  }
  return out;
}

// Draws `options` in a new figure: the chart (role img, with `description`) and a <details>
// table of its numbers. Returns the figure, to be placed by the caller; the chart and its
// resize observer are released with `view`.
export function chart(
  view: View,
  description: string,
  options: ChartOptions,
  table: { header: string[]; rows: Array<Array<string>> },
  height = 320,
): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "chart";
  const canvas = document.createElement("div");
  canvas.className = "canvas";
  canvas.style.height = `${height}px`;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", description);
  figure.append(canvas);
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = t("chartTable");
  details.append(summary, tableOf(table.header, table.rows));
  figure.append(details);
  requestAnimationFrame(() => {
    if (!view.mounted) return;
    const instance = echarts.init(canvas, undefined, { renderer: "svg" });
    instance.setOption({ animation: false, aria: { enabled: false, decal: { show: true } }, ...inReadersNumbers(options) });
    const resizing = new ResizeObserver(() => instance.resize());
    resizing.observe(canvas);
    view.onUnmount(() => {
      resizing.disconnect();
      instance.dispose();
    });
    // ECharts' own SVG is decorative once the figure has its label and table.
    canvas.querySelector("svg")?.setAttribute("aria-hidden", "true");
  });
  return figure;
}

export function tableOf(header: string[], rows: Array<Array<string | Node>>): HTMLTableElement {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const cell of header) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = cell;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const cell of row) tr.insertCell().append(cell);
  }
  return table;
}
