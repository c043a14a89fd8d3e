// One horizontal bar a row, each from its own start (a waterfall's running total) or from 0,
// with the rows' names at the left, wrapped on a narrow screen, and a note at each bar's end.
import { bands, type Box, canvas, hatched, linearScale, ROWS_TOP, rowLabels, tickCount, type ValueAxis, xAxisName, xAxisRoom, xValueAxis, yRowAxis } from "./chart_frame";
import type { Drawing } from "./charts";
import { s, text } from "./svg";

export interface Row {
  name: string;
  from: number;
  to: number;
  colour: string;
  hatched?: boolean;
  note?: string;
}

export interface RowChart {
  rows: Row[];
  rowName: string;
  value: ValueAxis;
  // The height at least; the chart grows to give each row its lines.
  height: number;
}

export function rowChart(spec: RowChart): Drawing {
  return { axes: [spec.rowName, spec.value.name], draw: (width) => drawRows(spec, width) };
}

// The room at the right for the notes at the bars' ends.
const noteRoom = (rows: Row[]) => (rows.some((row) => row.note) ? 60 : 24);

// Where everything goes at this width: the rows' names, the plot, the value axis's name, and the
// height that gives each row its lines.
function layout(spec: RowChart, width: number) {
  const labels = rowLabels(spec.rows.map((row) => row.name), width);
  const box: Box = { left: labels.width + 12, top: ROWS_TOP, right: width - noteRoom(spec.rows), bottom: 0 };
  const xName = xAxisName(spec.value.name, box);
  const nameRoom = xAxisRoom(xName.split("\n").length);
  const height = Math.max(spec.height, spec.rows.length * labels.rowHeight + ROWS_TOP + nameRoom);
  box.bottom = height - nameRoom;
  return { labels, box, xName, height };
}

export function rowChartHeight(spec: RowChart, width: number): number {
  return layout(spec, width).height;
}

function drawRows(spec: RowChart, width: number): SVGElement {
  const { labels, box, xName, height } = layout(spec, width);
  const x = linearScale({ ...spec.value, fromZero: true }, spec.rows.flatMap((row) => [row.from, row.to]), [box.left, box.right], tickCount(box.right - box.left));
  const band = bands(spec.rows.length, box.top, box.bottom);
  const svg = canvas(width, height);
  const defs = s("defs");
  svg.append(defs, xValueAxis(box, x, xName), yRowAxis(box, labels, band, spec.rowName));
  const thickness = Math.min(22, band.width * 0.7);
  spec.rows.forEach((row, i) => {
    const [left, right] = [Math.min(row.from, row.to), Math.max(row.from, row.to)];
    const top = band.centre(i) - thickness / 2;
    const fill = row.hatched ? hatched(row.colour, defs) : row.colour;
    svg.append(
      s("rect", { x: x.at(left), y: top, width: Math.max(1, x.at(right) - x.at(left)), height: thickness, fill },
        s("title", {}, `${row.name} — ${row.note ?? x.format(row.to - row.from)}`)),
    );
    if (row.note) svg.append(text(x.at(right) + 4, band.centre(i) + 4, row.note));
  });
  return svg;
}
