// Building a chart's SVG without a framework, as dom.ts builds the page.
const NAMESPACE = "http://www.w3.org/2000/svg";

type Child = Node | string | null | undefined | false;

export function s(tag: string, attributes: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const element = document.createElementNS(NAMESPACE, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) if (child) element.append(child);
  return element as SVGElement;
}

// Text of one or more lines ("\n" between them), the first on `y`.
export const LINE_PX = 14;

export function text(x: number, y: number, content: string, attributes: Record<string, string | number> = {}): SVGElement {
  const lines = content.split("\n");
  if (lines.length === 1) return s("text", { x, y, ...attributes }, content);
  return s("text", { x, y, ...attributes }, ...lines.map((line, i) => s("tspan", { x, dy: i === 0 ? 0 : LINE_PX }, line)));
}

// Ids for patterns and gradients, unique in the page however many charts it draws.
let counter = 0;
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
