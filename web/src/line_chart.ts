// Lines over a value axis (a ROC curve, the cost by threshold) or over categories (months), with
// dashed rules marking one value (the decision threshold, the promise made at training).
import {
  bands, type Box, canvas, linearScale, type Scale, tickCount, type ValueAxis, xAxisName, xAxisRoom, xCategoryAxis,
  categoryAxisLeft, categoryAxisRoom, xValueAxis, yAxisName, yAxisRoom, yValueAxis,
} from "./chart_frame";
import type { Drawing } from "./charts";
import { s, text } from "./svg";

export interface Line {
  colour: string;
  dashed?: boolean;
  width?: number;
  // [x, y]: x a value, or a category's index; y null where the line breaks.
  points: Array<[number, number | null]>;
  // Dots on the points, for a line of few of them.
  dots?: boolean;
}

export interface Rule {
  axis: "x" | "y";
  at: number;
  label: string;
}

export interface LineChart {
  x: ValueAxis | { name: string; categories: string[] };
  y: ValueAxis;
  lines: Line[];
  rules?: Rule[];
  height: number;
}

export function lineChart(spec: LineChart): Drawing {
  return { axes: [spec.x.name, spec.y.name], draw: (width) => drawLines(spec, width) };
}

function drawLines(spec: LineChart, width: number): SVGElement {
  const ys = [...spec.lines.flatMap((line) => line.points.flatMap((p) => (p[1] === null ? [] : [p[1]]))), ...(spec.rules ?? []).filter((r) => r.axis === "y").map((r) => r.at)];
  const top = 20;
  const provisional = linearScale(spec.y, ys, [spec.height, top], 5);
  const yName = yAxisName(spec.y.name, spec.height - top);
  const box: Box = { left: yAxisRoom(provisional, yName), top, right: width - 20, bottom: 0 };
  const svg = canvas(width, spec.height);
  let xAt: (value: number) => number;
  let xText: (value: number) => string;
  let xName: string;
  if ("categories" in spec.x) {
    const bandWidth = (box.right - box.left) / Math.max(1, spec.x.categories.length);
    box.left = Math.max(box.left, categoryAxisLeft(spec.x.categories, bandWidth));
    xName = xAxisName(spec.x.name, box);
    box.bottom = spec.height - categoryAxisRoom(spec.x.categories, bandWidth, xName.split("\n").length);
    const band = bands(spec.x.categories.length, box.left, box.right);
    xAt = band.centre;
    const { categories } = spec.x;
    xText = (index) => categories[index];
    svg.append(xCategoryAxis(box, spec.x.categories, band, xName));
  } else {
    xName = xAxisName(spec.x.name, box);
    box.bottom = spec.height - xAxisRoom(xName.split("\n").length);
    const x: Scale = linearScale(spec.x, spec.lines.flatMap((line) => line.points.map((p) => p[0])), [box.left, box.right], tickCount(box.right - box.left));
    xAt = x.at;
    xText = x.format;
    svg.append(xValueAxis(box, x, xName));
  }
  const y = linearScale(spec.y, ys, [box.bottom, box.top], tickCount(box.bottom - box.top, 50));
  svg.append(yValueAxis(box, y, yName));
  for (const line of spec.lines) {
    const d = line.points
      .map(([px, py], i) => (py === null ? "" : `${i && line.points[i - 1][1] !== null ? "L" : "M"}${xAt(px).toFixed(1)} ${y.at(py).toFixed(1)}`))
      .join("");
    svg.append(s("path", { d, fill: "none", stroke: line.colour, "stroke-width": line.width ?? 2, ...(line.dashed ? { "stroke-dasharray": "6 4" } : {}) }));
    // Each point says its values on hover: a dot, or a touch target without ink.
    const marks = s("g", { fill: line.dots ? line.colour : "transparent" });
    for (const [px, py] of line.points) {
      if (py !== null) marks.append(s("circle", { cx: xAt(px), cy: y.at(py), r: line.dots ? 4.5 : 4 }, s("title", {}, `${xText(px)} → ${y.format(py)}`)));
    }
    svg.append(marks);
  }
  for (const rule of spec.rules ?? []) {
    const [x1, x2, y1, y2] = rule.axis === "x" ? [xAt(rule.at), xAt(rule.at), box.top, box.bottom] : [box.left, box.right, y.at(rule.at), y.at(rule.at)];
    svg.append(s("line", { x1, x2, y1, y2, stroke: "#000000", "stroke-dasharray": "6 4" }));
    // A vertical rule's label beside it, on whichever side has room; a horizontal one's above its end.
    const onLeft = rule.axis === "x" && x1 > (box.left + box.right) / 2;
    svg.append(
      rule.axis === "x"
        ? text(x1 + (onLeft ? -6 : 6), box.top + 12, rule.label, { "text-anchor": onLeft ? "end" : "start" })
        : text(box.right, y1 - 6, rule.label, { "text-anchor": "end" }),
    );
  }
  return svg;
}
