// Building the page's elements without a framework.
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

// A titled section of a page; `id` names its heading for aria-labelledby.
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h("section", { "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

// A message read out by screen readers when it appears.
export function status(text: string): HTMLElement {
  return h("p", { role: "status", class: "status" }, text);
}

// A labelled list of choices: the field to place, and the <select> to read.
export function selectField(
  id: string,
  text: string,
  options: Array<[string, string]>,
  chosen: string,
): [HTMLElement, HTMLSelectElement] {
  const element = h("select", { id, name: id });
  for (const [value, name] of options) {
    const option = h("option", { value }, name);
    option.selected = value === chosen;
    element.append(option);
  }
  return [h("div", { class: "field" }, h("label", { for: id }, text), element), element];
}
