// The lifecycle of what a page shows: the resources it must release when the advisor leaves it
// (charts and their resize observers), and whether it is still shown, so that an answer arriving
// late for the previous client never paints over the current one. A region of a page that is
// drawn again (a comparison, a simulation) has a child view, released at each redraw.
export class View {
  private readonly cleanups: Array<() => void> = [];
  private readonly controller = new AbortController();
  private region: View | null = null;

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
    const child = new View();
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
