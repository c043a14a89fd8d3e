// Bars over categories, stacked (outcomes within a bin) or side by side (then and now), with
// one category marked by a pin (this client's bin), seen even over an empty bin.
import {
  bands, type Box, canvas, categoryAxisLeft, categoryAxisRoom, hatched, legend, type LegendEntry, linearScale, pinPath, tickCount,
  type ValueAxis, xAxisName, xCategoryAxis, yAxisName, yAxisRoom, yValueAxis,
} from "./chart_frame";
import type { Drawing } from "./charts";
import { s } from "./svg";

export interface BarSeries {
  name: string;
  colour: string;
  hatched?: boolean;
  values: number[];
}

export interface BarChart {
  categories: string[];
  categoryName: string;
  value: ValueAxis;
  series: BarSeries[];
  layout: "stacked" | "side by side";
  mark?: { index: number; name: string; colour: string };
  height: number;
}

export function barChart(spec: BarChart): Drawing {
  return { axes: [spec.categoryName, spec.value.name], draw: (width) => drawBars(spec, width) };
}

function drawBars(spec: BarChart, width: number): SVGElement {
  const stacked = spec.layout === "stacked";
  // A bin the categories do not hold (index -1) is no bin to mark.
  const mark = spec.mark && spec.mark.index >= 0 ? spec.mark : undefined;
  const tops = spec.categories.map((_, i) => (stacked ? spec.series.reduce((sum, series) => sum + series.values[i], 0) : Math.max(...spec.series.map((series) => series.values[i]))));
  const entries: LegendEntry[] = [
    ...spec.series.map((series) => ({ name: series.name, colour: series.colour, shape: series.hatched ? ("hatched" as const) : ("square" as const) })),
    ...(mark ? [{ name: mark.name, colour: mark.colour, shape: "pin" as const }] : []),
  ];
  const defs = s("defs");
  const key = legend(entries, width, defs);
  // The pin stands above its bar: room for it over the tallest.
  const top = key.height + (mark ? 34 : 10);
  const provisional = linearScale({ ...spec.value, fromZero: true }, tops, [spec.height, top], 5);
  const yName = yAxisName(spec.value.name, spec.height - top);
  const box: Box = { left: yAxisRoom(provisional, yName), top, right: width - 12, bottom: 0 };
  const bandWidth = (box.right - box.left) / Math.max(1, spec.categories.length);
  box.left = Math.max(box.left, categoryAxisLeft(spec.categories, bandWidth));
  const xName = xAxisName(spec.categoryName, box);
  const room = categoryAxisRoom(spec.categories, bandWidth, xName.split("\n").length);
  // Labels turned steeply on a narrow screen take more room: the chart grows to keep its bars tall.
  const height = spec.height + Math.max(0, room - 100);
  box.bottom = height - room;
  const svg = canvas(width, height);
  const y = linearScale({ ...spec.value, fromZero: true }, tops, [box.bottom, box.top], tickCount(box.bottom - box.top, 50));
  const band = bands(spec.categories.length, box.left, box.right);
  svg.append(defs, yValueAxis(box, y, yName), xCategoryAxis(box, spec.categories, band, xName), key.g);

  const fills = spec.series.map((series) => (series.hatched ? hatched(series.colour, defs) : series.colour));
  const gap = band.width * 0.15;
  const barWidth = stacked ? band.width - 2 * gap : (band.width - 2 * gap) / spec.series.length;
  spec.categories.forEach((category, i) => {
    let base = 0;
    spec.series.forEach((series, k) => {
      const value = series.values[i];
      const [from, to] = stacked ? [base, base + value] : [0, value];
      base = to;
      if (value <= 0) return;
      const x = band.start(i) + gap + (stacked ? 0 : k * barWidth);
      svg.append(
        s("rect", { x, y: y.at(to), width: Math.max(1, barWidth - (stacked ? 0 : 1)), height: Math.max(1, y.at(from) - y.at(to)), fill: fills[k] },
          s("title", {}, `${category} — ${series.name} — ${y.format(value)}`)),
      );
    });
  });
  if (mark) {
    const { index, colour, name } = mark;
    svg.append(s("path", { d: pinPath(band.centre(index), y.at(tops[index]) - 2, 30), fill: colour, stroke: "#ffffff", "stroke-width": 1.5 }, s("title", {}, name)));
  }
  return svg;
}
