// What every chart here shares: the Okabe–Ito palette (safe for colour-blind readers), hatching
// as a second cue, a description read out in place of the drawing, and a table of the numbers
// beside the chart for those who do not see it. The charts are SVG drawn by the dashboard
// itself (bar_chart, row_chart, line_chart, dot_chart, gauge_chart, on chart_frame).
import { t } from "./i18n";
import { View } from "./view";

// Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
export const colours = {
  risk: "#D55E00", // vermillion: raises the risk, defaulted
  safe: "#0072B2", // blue: lowers the risk, repaid
  neutral: "#999999",
  pending: "#E69F00", // orange: outcome unknown
  client: "#000000",
};

// A chart of one kind: the names of its axes, and its SVG drawn for a width (its height is its own).
export interface Drawing {
  axes: string[];
  draw(width: number): SVGElement;
}

// What keeps a chart from explaining itself: no title (its description), or an axis without a
// name. chart() refuses such a chart, so that none reaches an advisor.
export function unexplained(description: string, drawing: Drawing): string[] {
  const problems = description.trim() ? [] : ["no title"];
  drawing.axes.forEach((name, i) => {
    if (!name.trim()) problems.push(`axis ${i + 1} has no name`);
  });
  return problems;
}

// Draws `drawing` in a new figure: the chart (role img, with `description`) and a <details>
// table of its numbers. Returns the figure, to be placed by the caller; the chart is drawn again
// whenever its width changes, and its resize observer released with `view`.
export function chart(view: View, description: string, drawing: Drawing, table: { header: string[]; rows: Array<Array<string>> }): HTMLElement {
  const problems = unexplained(description, drawing);
  if (problems.length) throw new Error(`chart “${description}”: ${problems.join(", ")}`);
  const figure = document.createElement("figure");
  figure.className = "chart";
  const canvas = document.createElement("div");
  canvas.className = "canvas";
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", description);
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = t("chartTable");
  details.append(summary, tableOf(table.header, table.rows));
  figure.append(canvas, details);
  let drawnFor = -1;
  const draw = () => {
    const width = canvas.clientWidth;
    if (width === drawnFor || width === 0) return;
    drawnFor = width;
    // The drawing is decorative once the figure has its label and table.
    const svg = drawing.draw(width);
    svg.setAttribute("aria-hidden", "true");
    canvas.replaceChildren(svg);
  };
  const resizing = new ResizeObserver(draw);
  resizing.observe(canvas);
  view.onUnmount(() => resizing.disconnect());
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
