// The bins the drift monitor compares a feature over, named for people: a value training saw, or
// the span between two of its deciles; then any other value, and missing.
import type { FeatureDrift } from "./api";
import { type Described, inYears, shownValue, valueText } from "./feature_units";
import { number } from "./format";
import { t } from "./i18n";

export type Histogram = NonNullable<FeatureDrift["histogram"]>;

// One name per share of `histogram`, in order; a feature's values as people read them.
export function binNames(histogram: Histogram, feature?: Described): string[] {
  if (histogram.bins === "values") {
    const values = histogram.bounds.map((v) => (feature ? valueText(feature, v) : number(v)));
    return [...values, t("otherValue"), t("missing")];
  }
  const b = histogram.bounds.map((v) => number(feature ? shownValue(feature, v) : v));
  if (b.length === 0) return [t("allValues"), t("missing")];
  const last = b.length - 1;
  // In years the days' order turns round: "≤ -20 000" days is "≥ 54,8" years.
  const names =
    feature && inYears(feature)
      ? [`≥ ${b[0]}`, ...b.slice(1).map((bound, i) => `${bound} – ${b[i]}`), `< ${b[last]}`]
      : [`≤ ${b[0]}`, ...b.slice(1).map((bound, i) => `${b[i]} – ${bound}`), `> ${b[last]}`];
  return [...names, t("missing")];
}
