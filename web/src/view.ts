// The lifecycle of what a page shows: the resources it must release when the advisor leaves it
// (charts and their resize observers), and whether it is still shown, so that an answer arriving
// late for the previous client never paints over the current one. A region of a page that is
// drawn again (a comparison, a simulation) has a child view, released at each redraw. What the
// advisor asked of the page (a comparison, a simulation) is remembered, so that the page drawn
// again in the other language shows it again.
export type Memory = Map<string, unknown>;

export class View {
  private readonly cleanups: Array<() => void> = [];
  private readonly controller = new AbortController();
  private region: View | null = null;

  // `memory`: what the same page remembered before it was drawn again.
  constructor(readonly memory: Memory = new Map()) {}

  remember(key: string, value: unknown): void {
    this.memory.set(key, value);
  }

  remembered<T>(key: string): T | undefined {
    return this.memory.get(key) as T | undefined;
  }

  // Aborts the view's requests when it is left.
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get mounted(): boolean {
    return !this.controller.signal.aborted;
  }

  // Runs `cleanup` when the view is left (at once if it already was).
  onUnmount(cleanup: () => void): void {
    if (this.mounted) this.cleanups.push(cleanup);
    else cleanup();
  }

  unmount(): void {
    if (!this.mounted) return;
    this.controller.abort();
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
  }

  // A part of the page with regions of its own, released with the page.
  child(): View {
    const child = new View(this.memory);
    this.onUnmount(() => child.unmount());
    return child;
  }

  // A child view for a region drawn again and again: each call releases the one before.
  redraw(): View {
    this.region?.unmount();
    this.region = this.child();
    return this.region;
  }
}

// True for the rejection of a request that its view abandoned: nothing to show.
export function abandoned(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

// A form whose fields and answer come back when its page is drawn again: its fields are
// remembered at each submission, and refilled and submitted again once the page is drawn.
export function rememberedForm(view: View, key: string, form: HTMLFormElement): void {
  const fields = () => [...form.elements].filter((e): e is HTMLInputElement | HTMLSelectElement => e instanceof HTMLInputElement || e instanceof HTMLSelectElement);
  form.addEventListener("submit", () => view.remember(key, Object.fromEntries(fields().map((f) => [f.id, f.value]))));
  const kept = view.remembered<Record<string, string>>(key);
  if (!kept) return;
  for (const field of fields()) {
    if (!(field.id in kept)) continue;
    field.value = kept[field.id];
    field.dispatchEvent(new Event("change"));
  }
  setTimeout(() => form.requestSubmit());
}
