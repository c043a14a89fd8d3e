// The bins the drift monitor compares a feature over, named for people: a value training saw, or
// the span between two of its deciles; then any other value, and missing.
import type { FeatureDrift } from "./api";
import { number } from "./format";
import { t } from "./i18n";

export type Histogram = NonNullable<FeatureDrift["histogram"]>;

// One name per share of `histogram`, in order.
export function binNames(histogram: Histogram): string[] {
  const b = histogram.bounds.map((v) => number(v));
  const names =
    histogram.bins === "values"
      ? [...b, t("otherValue")]
      : b.length === 0
        ? [t("allValues")]
        : [`≤ ${b[0]}`, ...b.slice(1).map((bound, i) => `${b[i]} – ${bound}`), `> ${b[b.length - 1]}`];
  return [...names, t("missing")];
}
