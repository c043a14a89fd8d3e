import assert from "node:assert/strict";
import { test } from "node:test";

import { abandoned, View } from "../../src/view";

test("leaving a view releases what it holds, last first, and aborts its requests", () => {
  const view = new View();
  const released: string[] = [];
  view.onUnmount(() => released.push("chart 1"));
  view.onUnmount(() => released.push("chart 2"));
  assert.equal(view.mounted, true);
  view.unmount();
  assert.deepEqual(released, ["chart 2", "chart 1"]);
  assert.equal(view.mounted, false);
  assert.equal(view.signal.aborted, true);
  view.onUnmount(() => released.push("late"));  // a chart drawn after the page was left
  assert.deepEqual(released, ["chart 2", "chart 1", "late"]);
  view.unmount();
  assert.equal(released.length, 3, "released once");
});

test("a region drawn again releases its previous drawing, and all go with the page", () => {
  const page = new View();
  const first = page.redraw();
  let firstReleased = false;
  first.onUnmount(() => (firstReleased = true));
  const second = page.redraw();
  assert.equal(firstReleased, true);
  assert.equal(first.signal.aborted, true, "a late answer for the old drawing is abandoned");
  assert.equal(second.mounted, true);
  page.unmount();
  assert.equal(second.mounted, false);
});

test("two parts of a page are drawn again each on its own", () => {
  const page = new View();
  const [distribution, scatter] = [page.child(), page.child()];
  const drawn = scatter.redraw();
  distribution.redraw();
  distribution.redraw();
  assert.equal(drawn.mounted, true, "drawing one part again leaves the other");
  page.unmount();
  assert.equal(drawn.mounted, false);
});

test("an aborted request is abandoned, not an error to show", () => {
  assert.equal(abandoned(new DOMException("gone", "AbortError")), true);
  assert.equal(abandoned(new Error("500")), false);
});
