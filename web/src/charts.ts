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

type Axis = { type?: string; name?: string; show?: boolean; axisLabel?: { formatter?: unknown; width?: number } };
const axesOf = (axes: unknown): Axis[] => (axes === undefined ? [] : Array.isArray(axes) ? axes : [axes]) as Axis[];

// What keeps a chart from explaining itself: no title (its description), or an axis shown
// without a name. chart() refuses such a chart, so that none reaches an advisor.
export function unexplained(description: string, options: ChartOptions): string[] {
  const problems = description.trim() ? [] : ["no title"];
  for (const key of ["xAxis", "yAxis"]) {
    axesOf(options[key]).forEach((axis, i) => {
      if (axis.show !== false && !axis.name?.trim()) problems.push(`${key}[${i}] has no name`);
    });
  }
  return problems;
}

// The width of a character of ECharts' 12 px labels, on average over French and English words.
const AVERAGE_CHARACTER_PX = 7;

// `text` in lines of at most `columns` characters, broken between words only.
export function wrapWords(text: string, columns: number): string {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= columns) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join("\n");
}

// A line of wrapped labels, and the room between two rows of them.
const LINE_PX = 14;
const ROW_GAP_PX = 8;

type LabelledAxis = Axis & { data?: string[]; axisLabel?: { customValues?: number[]; formatter?: unknown } };

// `options` fitted to a chart `width` px wide and at least `height` px high. The labels of a y
// axis given a width (feature names) take at most 40 % of the width, wrapped between words,
// never cut, and the chart grows to give each row its lines. An x axis's name wraps within the
// plot, whose value ticks thin out on a narrow plot.
export function fittedToWidth(options: ChartOptions, width: number, height: number): { options: ChartOptions; height: number } {
  const grid = (options.grid ?? {}) as { left?: number; right?: number; top?: number; bottom?: number };
  const out: Record<string, unknown> = { ...options };
  let fittedHeight = height;
  const axis = options.yAxis as LabelledAxis | undefined;
  const given = axis?.axisLabel?.width;
  if (axis && !Array.isArray(axis) && given) {
    const fitted = Math.min(given, Math.round(width * 0.4));
    const columns = Math.max(8, Math.floor(fitted / AVERAGE_CHARACTER_PX));
    const named = axis.axisLabel?.formatter;
    const text = (v: string | number) => (typeof named === "function" ? (named as (v: string | number) => string)(v) : String(v));
    const labels = axis.data ?? axis.axisLabel?.customValues ?? [];
    const lines = Math.max(1, ...labels.map((v) => wrapWords(text(v), columns).split("\n").length));
    out.grid = { ...grid, left: (grid.left ?? given) - given + fitted };
    out.yAxis = { ...axis, axisLabel: { ...axis.axisLabel, width: fitted, lineHeight: LINE_PX, formatter: (v: string | number) => wrapWords(text(v), columns) } };
    fittedHeight = Math.max(height, labels.length * (lines * LINE_PX + ROW_GAP_PX) + (grid.top ?? 0) + (grid.bottom ?? 0));
  }
  const plot = width - ((out.grid as typeof grid | undefined)?.left ?? 0) - (grid.right ?? 0);
  const x = options.xAxis as Axis | undefined;
  if (x && !Array.isArray(x)) {
    out.xAxis = {
      ...x,
      // ECharts ignores a width given to an axis's name: its lines are broken here.
      ...(x.name ? { name: wrapWords(x.name, Math.max(10, Math.floor(plot / AVERAGE_CHARACTER_PX))) } : {}),
      ...(x.type === "value" ? { splitNumber: Math.max(2, Math.min(5, Math.floor(plot / 70))) } : {}),
    };
  }
  return { options: out, height: fittedHeight };
}

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
  const problems = unexplained(description, options);
  if (problems.length) throw new Error(`chart “${description}”: ${problems.join(", ")}`);
  requestAnimationFrame(() => {
    if (!view.mounted) return;
    const instance = echarts.init(canvas, undefined, { renderer: "svg" });
    // Fitted to the width the chart has, again whenever it changes.
    let fittedTo = -1;
    const draw = () => {
      if (canvas.clientWidth === fittedTo) return instance.resize();
      fittedTo = canvas.clientWidth;
      const fitted = fittedToWidth(options, fittedTo, height);
      canvas.style.height = `${fitted.height}px`;
      instance.setOption({ animation: false, aria: { enabled: false, decal: { show: true } }, ...inReadersNumbers(fitted.options) });
      instance.resize();
    };
    draw();
    const resizing = new ResizeObserver(draw);
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
