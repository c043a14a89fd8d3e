// What every chart here draws around its data: the plot's box, value scales with round ticks
// (d3-array's), axes with their names, rows of wrapped labels, a legend and hatching. Text is
// laid out from an average character width, so that a chart is drawn in one pass, off screen.
import { nice, ticks } from "d3-array";

import { number } from "./format";
import { LINE_PX, s, text, uniqueId } from "./svg";

// The width of a character of the 12 px labels, on average over French and English words.
export const CHARACTER_PX = 7;
const INK = "#333333"; // 12.6:1 on white
const RULE = "#6E7079";
const GRID = "#E0E6F1";

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

// `content` in lines of at most `columns` characters, broken between words only.
export function wrapWords(content: string, columns: number): string {
  const lines: string[] = [];
  for (const word of content.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= columns) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join("\n");
}

const lineCount = (content: string) => content.split("\n").length;
export const textWidth = (content: string) => Math.max(...content.split("\n").map((line) => line.length)) * CHARACTER_PX;

export interface ValueAxis {
  name: string;
  // Fixed ends; without them the data's range, widened to round numbers.
  min?: number;
  max?: number;
  // Whether the range must hold 0 (bars grow from it).
  fromZero?: boolean;
  format?: (value: number) => string;
}

export interface Scale {
  at(value: number): number;
  ticks: number[];
  format(value: number): string;
}

// A linear scale of `values` onto the pixels `range`, with about `count` round ticks.
export function linearScale(axis: ValueAxis, values: number[], range: [number, number], count: number): Scale {
  const finite = values.filter(Number.isFinite);
  let low = axis.min ?? Math.min(...finite, ...(axis.fromZero ? [0] : []));
  let high = axis.max ?? Math.max(...finite, ...(axis.fromZero ? [0] : []));
  if (!Number.isFinite(low) || !Number.isFinite(high)) [low, high] = [0, 1];
  // One value: an axis round it; all zeros (empty bins): 0 to 1, so that bars rest on its foot.
  if (low === high) [low, high] = low === 0 ? [0, 1] : [low - Math.abs(low) / 2, high + Math.abs(high) / 2];
  if (axis.min === undefined || axis.max === undefined) {
    const [a, b] = nice(low, high, count);
    if (axis.min === undefined) low = a;
    if (axis.max === undefined) high = b;
  }
  const [from, to] = range;
  return {
    at: (value) => from + ((value - low) / (high - low)) * (to - from),
    ticks: ticks(low, high, count),
    format: axis.format ?? number,
  };
}

// How many ticks a value axis `pixels` long holds with its labels apart.
export const tickCount = (pixels: number, spacing = 70) => Math.max(2, Math.min(6, Math.floor(pixels / spacing)));

export function canvas(width: number, height: number): SVGElement {
  return s("svg", { width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "system-ui, sans-serif", "font-size": 12, fill: INK });
}

// Room under the plot for an x axis's tick labels and its name's `nameLines`.
export const xAxisRoom = (nameLines: number) => 24 + LINE_PX * nameLines;

// An x axis's name, wrapped within the plot.
export const xAxisName = (name: string, box: Box) => wrapWords(name, Math.max(10, Math.floor((box.right - box.left) / CHARACTER_PX)));

export function xValueAxis(box: Box, scale: Scale, name: string): SVGElement {
  const g = s("g", { "text-anchor": "middle" });
  for (const tick of scale.ticks) {
    const x = scale.at(tick);
    g.append(s("line", { x1: x, x2: x, y1: box.top, y2: box.bottom, stroke: GRID }), text(x, box.bottom + 16, scale.format(tick)));
  }
  g.append(s("line", { x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom, stroke: RULE }));
  g.append(text((box.left + box.right) / 2, box.bottom + 34, name));
  return g;
}

// A value axis's name along the plot's height, turned upright; and the room left of the plot
// for the name's lines and the tick labels.
export const yAxisName = (name: string, height: number) => wrapWords(name, Math.max(10, Math.floor(height / CHARACTER_PX)));
export const yAxisRoom = (scale: Scale, name: string) =>
  LINE_PX * lineCount(name) + 14 + Math.max(...scale.ticks.map((tick) => textWidth(scale.format(tick))));

export function yValueAxis(box: Box, scale: Scale, name: string): SVGElement {
  const g = s("g", {});
  for (const tick of scale.ticks) {
    const y = scale.at(tick);
    g.append(
      s("line", { x1: box.left, x2: box.right, y1: y, y2: y, stroke: GRID }),
      text(box.left - 6, y + 4, scale.format(tick), { "text-anchor": "end" }),
    );
  }
  g.append(text(0, 0, name, { transform: `translate(12 ${(box.top + box.bottom) / 2}) rotate(-90)`, "text-anchor": "middle" }));
  return g;
}

// Categories side by side along x: each one's band, from the left.
export interface Bands {
  start(index: number): number;
  width: number;
  centre(index: number): number;
}

export function bands(count: number, from: number, to: number): Bands {
  const width = (to - from) / Math.max(1, count);
  return { start: (i) => from + i * width, width, centre: (i) => from + (i + 0.5) * width };
}

// Category labels lie flat when each fits its band, else turned (ending under their band): by
// 35°, or steeper when the bands are too narrow for turned lines to stand clear of each other.
function turn(labels: string[], bandWidth: number): number {
  if (!labels.some((label) => textWidth(label) > bandWidth - 6)) return 0;
  const degrees = bandWidth * Math.sin((35 * Math.PI) / 180) >= 20 ? 35 : 65;
  return (degrees * Math.PI) / 180;
}

const labelsRoom = (labels: string[], bandWidth: number) => {
  const angle = turn(labels, bandWidth);
  return angle ? Math.ceil(Math.max(0, ...labels.map(textWidth)) * Math.sin(angle)) + 20 : 22;
};

// Room under the plot for the category labels and the axis's name's `nameLines`.
export const categoryAxisRoom = (labels: string[], bandWidth: number, nameLines: number) => labelsRoom(labels, bandWidth) + LINE_PX * nameLines + 6;

// Room left of the plot for the first label when turned, which reaches back under the axis.
export const categoryAxisLeft = (labels: string[], bandWidth: number) => {
  const angle = turn(labels, bandWidth);
  return labels.length && angle ? textWidth(labels[0]) * Math.cos(angle) - bandWidth / 2 + 4 : 0;
};

export function xCategoryAxis(box: Box, labels: string[], band: Bands, name: string): SVGElement {
  const g = s("g", {});
  const degrees = (turn(labels, band.width) * 180) / Math.PI;
  labels.forEach((label, i) => {
    const x = band.centre(i);
    const y = box.bottom + 16;
    g.append(degrees ? text(x, y, label, { "text-anchor": "end", transform: `rotate(${-degrees} ${x} ${y})` }) : text(x, y, label, { "text-anchor": "middle" }));
  });
  g.append(s("line", { x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom, stroke: RULE }));
  g.append(text((box.left + box.right) / 2, box.bottom + labelsRoom(labels, band.width) + 12, name, { "text-anchor": "middle" }));
  return g;
}

// Row labels (feature names) fitted to a chart `width` px wide: at most 40 % of it and `widest`,
// wrapped between words, never cut; each row as tall as its longest label.
export interface RowLabels {
  width: number;
  labels: string[];
  rowHeight: number;
}

const ROW_GAP_PX = 8;

export function rowLabels(labels: string[], width: number, widest = 260): RowLabels {
  const fitted = Math.min(widest, Math.round(width * 0.4));
  const columns = Math.max(8, Math.floor(fitted / CHARACTER_PX));
  const wrapped = labels.map((label) => wrapWords(label, columns));
  const lines = Math.max(1, ...wrapped.map(lineCount));
  return { width: fitted, labels: wrapped, rowHeight: Math.max(24, lines * LINE_PX + ROW_GAP_PX) };
}

// Room above rows for their axis's name.
export const ROWS_TOP = 28;

export function yRowAxis(box: Box, rows: RowLabels, band: Bands, name: string): SVGElement {
  const g = s("g", { "text-anchor": "end" });
  rows.labels.forEach((label, i) => {
    const lines = lineCount(label);
    g.append(text(box.left - 8, band.centre(i) + 4 - ((lines - 1) * LINE_PX) / 2, label));
  });
  g.append(s("line", { x1: box.left, x2: box.left, y1: box.top, y2: box.bottom, stroke: RULE }));
  g.append(text(box.left - 8, box.top - 8, name, { "font-weight": "bold" }));
  return g;
}

// A legend's entries: a swatch (a square, hatched, a line, or a mark) and its name.
export type Swatch = { colour: string; shape: "square" | "hatched" | "line" | "dashed" | "pin" | "diamond" };
export interface LegendEntry extends Swatch {
  name: string;
}

// The legend across the top, over as many lines as `width` needs; its height.
export function legend(entries: LegendEntry[], width: number, defs: SVGElement): { g: SVGElement; height: number } {
  const g = s("g", {});
  let x = 0;
  let y = 0;
  for (const entry of entries) {
    const room = 22 + textWidth(entry.name) + 16;
    if (x > 0 && x + room > width) [x, y] = [0, y + 20];
    g.append(swatch(entry, x, y + 4, defs), text(x + 22, y + 14, entry.name));
    x += room;
  }
  return { g, height: entries.length ? y + 28 : 0 };
}

function swatch(entry: Swatch, x: number, y: number, defs: SVGElement): SVGElement {
  switch (entry.shape) {
    case "line":
    case "dashed":
      return s("line", { x1: x, x2: x + 16, y1: y + 6, y2: y + 6, stroke: entry.colour, "stroke-width": 3, ...(entry.shape === "dashed" ? { "stroke-dasharray": "4 3" } : {}) });
    case "pin":
      return s("path", { d: pinPath(x + 8, y + 13, 13), fill: entry.colour });
    case "diamond":
      return s("path", { d: diamondPath(x + 8, y + 6, 7), fill: entry.colour });
    default:
      return s("rect", { x, y, width: 16, height: 12, rx: 2, fill: entry.shape === "hatched" ? hatched(entry.colour, defs) : entry.colour });
  }
}

// A fill of `colour` crossed by white diagonal stripes: a second cue beside the colour.
export function hatched(colour: string, defs: SVGElement): string {
  const id = uniqueId("hatch");
  defs.append(
    s(
      "pattern",
      { id, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      s("rect", { width: 6, height: 6, fill: colour }),
      s("line", { x1: 0, x2: 0, y1: 0, y2: 6, stroke: "#ffffff", "stroke-width": 2 }),
    ),
  );
  return `url(#${id})`;
}

// A pin whose point is at (x, y), `size` px tall.
export const pinPath = (x: number, y: number, size: number) => {
  const r = size * 0.32;
  const c = y - size + r;
  return `M${x} ${y}L${x - r * 0.9} ${c + r * 0.45}A${r} ${r} 0 1 1 ${x + r * 0.9} ${c + r * 0.45}Z`;
};

export const diamondPath = (x: number, y: number, r: number) => `M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`;
