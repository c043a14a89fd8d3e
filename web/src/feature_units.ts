// A feature's values as people read them, by the unit the API gives each feature: the
// application's day counts (negative days before the application, as the tables count them) in
// years, « Âge (ans) », never « -20 000 »; amounts in the lender's currency; shares in percent;
// flags as yes or no.
import { money, number, percent } from "./format";
import { label, labelWithoutDays, t } from "./i18n";

const DAYS_A_YEAR = 365.25;

export type Unit = "as_is" | "years" | "amount" | "share" | "yes_no";
export type Described = { label_fr: string; label_en: string; unit?: Unit };

export function inYears(feature: Described): boolean {
  return feature.unit === "years";
}

// The label with the unit its numbers are in, where a chart shows numbers alone.
export function featureLabel(feature: Described): string {
  const units: Partial<Record<Unit, string>> = { years: t("years"), amount: money(null), share: "%" };
  const unit = feature.unit ? units[feature.unit] : undefined;
  return unit ? `${labelWithoutDays(feature)} (${unit})` : label(feature);
}

// The number a chart shows: -20 000 days before the application → 54.8 years, a share of 0.52 →
// 52; other values as they are; none stays none.
export function shownValue(feature: Described, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (inYears(feature)) return Math.round((-value / DAYS_A_YEAR) * 10) / 10;
  return feature.unit === "share" ? Math.round(value * 1000) / 10 : value;
}

// A value in words, with its unit: « 54,8 ans », « 351 227 € », « 52,0 % », « oui ».
export function valueText(feature: Described, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return t("notGiven");
  switch (feature.unit) {
    case "years":
      return `${number(shownValue(feature, value))} ${t("years")}`;
    case "amount":
      return money(value);
    case "share":
      return percent(value);
    case "yes_no":
      return value === 1 ? t("yes") : value === 0 ? t("no") : number(value);
    default:
      return number(value);
  }
}

// Back from years to days before the application, as the API's filters count them.
export function daysBefore(years: number): number {
  return Math.round(-years * DAYS_A_YEAR);
}
