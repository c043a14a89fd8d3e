// A cloud of dots, each shaded on a scale from blue through yellow to vermillion (its risk, or
// how high its value is), over two value axes or over rows (one feature a row), with one dot
// set apart as a black diamond (this client).
import {
  bands, type Box, canvas, diamondPath, legend, linearScale, ROWS_TOP, rowLabels, tickCount, textWidth, type ValueAxis,
  wrapWords, xAxisName, xAxisRoom, xValueAxis, yAxisName, yAxisRoom, yRowAxis, yValueAxis,
} from "./chart_frame";
import type { Drawing } from "./charts";
import { colours } from "./charts";
import { s, text, uniqueId } from "./svg";

export interface Dot {
  x: number;
  y: number;
  // Where the dot lies on the shading scale, from 0 to 1 (clipped); null: grey.
  shade: number | null;
  // What the dot is, said on hover.
  note?: string;
}

export interface DotChart {
  x: ValueAxis;
  // A value axis, or rows whose dots lie around their index (0 the top row).
  y: ValueAxis | { name: string; rows: string[] };
  dots: Dot[];
  radius: number;
  // The words at each end of the shading scale.
  shading: { high: string; low: string };
  highlight?: { x: number; y: number; name: string };
  height: number;
}

export function dotChart(spec: DotChart): Drawing {
  return { axes: [spec.x.name, spec.y.name], draw: (width) => drawDots(spec, width) };
}

const SHADES = [colours.safe, "#F0E442", colours.risk];

// The colour at `share` of the way along the shading scale.
export function shadeColour(share: number): string {
  const clipped = Math.min(1, Math.max(0, share)) * (SHADES.length - 1);
  const k = Math.min(SHADES.length - 2, Math.floor(clipped));
  const [from, to] = [SHADES[k], SHADES[k + 1]].map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const mixed = from.map((c, i) => Math.round(c + (to[i] - c) * (clipped - k)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

// The shading scale's words at the right, wrapped on a phone to leave the dots their room.
function shadingWords(spec: DotChart, width: number) {
  const columns = width < 600 ? 8 : 20;
  const wrapped = (words: string) => words.split("\n").map((line) => wrapWords(line, columns)).join("\n");
  const words = { high: wrapped(spec.shading.high), low: wrapped(spec.shading.low) };
  return { ...words, room: 16 + Math.max(textWidth(words.high), textWidth(words.low)) };
}

// Rows of dots need more room than rows of bars: 40 px each at least.
function heightFor(spec: DotChart, width: number): number {
  if (!("rows" in spec.y)) return spec.height;
  const labels = rowLabels(spec.y.rows, width);
  const plot: Box = { left: labels.width + 12, top: 0, right: width - shadingWords(spec, width).room, bottom: 0 };
  const nameLines = xAxisName(spec.x.name, plot).split("\n").length;
  return Math.max(spec.height, spec.y.rows.length * Math.max(40, labels.rowHeight) + ROWS_TOP + xAxisRoom(nameLines));
}

function drawDots(spec: DotChart, width: number): SVGElement {
  const height = heightFor(spec, width);
  const svg = canvas(width, height);
  const defs = s("defs");
  svg.append(defs);
  const key = spec.highlight ? legend([{ name: spec.highlight.name, colour: colours.client, shape: "diamond" }], width, defs) : { g: null, height: 0 };
  const shading = shadingWords(spec, width);
  // Rows have their axis's name above them.
  const top = key.height + ("rows" in spec.y ? ROWS_TOP : 14);
  const ys = [...spec.dots.map((d) => d.y), ...(spec.highlight ? [spec.highlight.y] : [])];
  let box: Box;
  let yAt: (value: number) => number;
  if ("rows" in spec.y) {
    const labels = rowLabels(spec.y.rows, width);
    box = { left: labels.width + 12, top, right: width - shading.room, bottom: 0 };
    box.bottom = height - xAxisRoom(xAxisName(spec.x.name, box).split("\n").length);
    const band = bands(spec.y.rows.length, box.top, box.bottom);
    yAt = band.centre;
    svg.append(yRowAxis(box, labels, band, spec.y.name));
  } else {
    const yName = yAxisName(spec.y.name, height - top);
    box = { left: yAxisRoom(linearScale(spec.y, ys, [height, top], 5), yName), top, right: width - shading.room, bottom: 0 };
    box.bottom = height - xAxisRoom(xAxisName(spec.x.name, box).split("\n").length);
    const y = linearScale(spec.y, ys, [box.bottom, box.top], tickCount(box.bottom - box.top, 50));
    yAt = y.at;
    svg.append(yValueAxis(box, y, yName));
  }
  const x = linearScale(spec.x, [...spec.dots.map((d) => d.x), ...(spec.highlight ? [spec.highlight.x] : [])], [box.left, box.right], tickCount(box.right - box.left));
  svg.append(xValueAxis(box, x, xAxisName(spec.x.name, box)));
  if (key.g) svg.append(key.g);
  const cloud = s("g", { "fill-opacity": 0.85 });
  for (const dot of spec.dots) {
    const fill = dot.shade === null ? colours.neutral : shadeColour(dot.shade);
    cloud.append(s("circle", { cx: x.at(dot.x).toFixed(1), cy: yAt(dot.y).toFixed(1), r: spec.radius, fill }, dot.note && s("title", {}, dot.note)));
  }
  svg.append(cloud);
  if (spec.highlight) {
    const { x: hx, y: hy, name } = spec.highlight;
    svg.append(s("path", { d: diamondPath(x.at(hx), yAt(hy), 10), fill: colours.client, stroke: "#ffffff", "stroke-width": 2 }, s("title", {}, name)));
  }
  svg.append(shadingScale(shading, width - shading.room / 2, box.top, box.bottom, defs));
  return svg;
}

// The shading scale upright at the right: its high end's words above, its low end's below.
function shadingScale(words: { high: string; low: string }, centre: number, top: number, bottom: number, defs: SVGElement): SVGElement {
  const id = uniqueId("shading");
  defs.append(
    s("linearGradient", { id, x1: 0, x2: 0, y1: 1, y2: 0 }, ...SHADES.map((colour, i) => s("stop", { offset: i / (SHADES.length - 1), "stop-color": colour }))),
  );
  const highLines = words.high.split("\n").length;
  const barTop = top + highLines * 14 + 4;
  const barBottom = Math.max(barTop + 40, bottom - 22);
  return s(
    "g",
    { "text-anchor": "middle" },
    text(centre, top + 10, words.high),
    s("rect", { x: centre - 7, y: barTop, width: 14, height: barBottom - barTop, fill: `url(#${id})` }),
    text(centre, barBottom + 16, words.low),
  );
}
