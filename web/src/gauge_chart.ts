// A dial from 0 to `max`: blue up to the decision threshold, vermillion beyond it, with a black
// mark at the threshold (so that the colour is not the only cue), a needle at the client's
// probability, the probability in figures under it and the threshold in words.
import { canvas } from "./chart_frame";
import type { Drawing } from "./charts";
import { colours } from "./charts";
import { percent } from "./format";
import { s, text } from "./svg";

export interface GaugeChart {
  // Shares, from 0 to `max`.
  value: number;
  threshold: number;
  max: number;
  valueText: string;
  caption: string;
  height: number;
}

export function gaugeChart(spec: GaugeChart): Drawing {
  return { axes: [], draw: (width) => drawGauge(spec, width) };
}

// From 200° (lower left) clockwise round to −20° (lower right), angles counted as in mathematics.
const START = 200;
const SWEEP = 220;
const STEPS = 5;
const BAND = 18;

function drawGauge(spec: GaugeChart, width: number): SVGElement {
  const r = Math.min(width / 2 - 12, (spec.height - 30) / 1.75);
  const [cx, cy] = [width / 2, r + 12];
  const angle = (share: number) => ((START - (Math.min(Math.max(share, 0), spec.max) / spec.max) * SWEEP) * Math.PI) / 180;
  const at = (share: number, radius: number) => [cx + radius * Math.cos(angle(share)), cy - radius * Math.sin(angle(share))];
  const arc = (from: number, to: number, colour: string) => {
    const [[x0, y0], [x1, y1]] = [at(from, r - BAND / 2), at(to, r - BAND / 2)];
    const large = ((to - from) / spec.max) * SWEEP > 180 ? 1 : 0;
    return s("path", { d: `M${x0} ${y0}A${r - BAND / 2} ${r - BAND / 2} 0 ${large} 1 ${x1} ${y1}`, fill: "none", stroke: colour, "stroke-width": BAND });
  };
  const svg = canvas(width, spec.height);
  svg.append(arc(0, spec.threshold, colours.safe), arc(spec.threshold, spec.max, colours.risk));
  const [[mx0, my0], [mx1, my1]] = [at(spec.threshold, r + 3), at(spec.threshold, r - BAND - 3)];
  svg.append(s("line", { x1: mx0, y1: my0, x2: mx1, y2: my1, stroke: colours.client, "stroke-width": 3 }));
  const ticks = s("g", { "text-anchor": "middle" });
  for (let i = 0; i <= STEPS; i++) {
    const share = (spec.max * i) / STEPS;
    const [x, y] = at(share, r - BAND - 22);
    ticks.append(text(x, y + 4, percent(share, 0)));
  }
  svg.append(ticks);
  const [nx, ny] = at(spec.value, r * 0.52);
  const [px, py] = [Math.sin(angle(spec.value)) * 4, Math.cos(angle(spec.value)) * 4];
  svg.append(
    s("path", { d: `M${cx - px} ${cy - py}L${nx} ${ny}L${cx + px} ${cy + py}Z`, fill: colours.client }),
    s("circle", { cx, cy, r: 6, fill: colours.client }),
    text(cx, cy + r * 0.4 + 8, spec.valueText, { "text-anchor": "middle", "font-size": 24, "font-weight": "bold" }),
    text(cx, cy + r * 0.72 + 8, spec.caption, { "text-anchor": "middle", "font-size": 13 }),
  );
  return svg;
}
