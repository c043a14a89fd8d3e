// A feature's values as people read them. The API marks with the unit "years" the application's
// day counts (negative days before the application, as the tables count them): they are shown in
// years and labelled so, « Âge (ans) », never « -20 000 ».
import { label, labelWithoutDays, t } from "./i18n";

const DAYS_A_YEAR = 365.25;

export type Described = { label_fr: string; label_en: string; unit?: "as_is" | "years" };

export function inYears(feature: Described): boolean {
  return feature.unit === "years";
}

export function featureLabel(feature: Described): string {
  return inYears(feature) ? `${labelWithoutDays(feature)} (${t("years")})` : label(feature);
}

// -20 000 days before the application → 54.8 years; other values as they are; none stays none.
export function shownValue(feature: Described, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return inYears(feature) ? Math.round((-value / DAYS_A_YEAR) * 10) / 10 : value;
}

// Back from years to days before the application, as the API's filters count them.
export function daysBefore(years: number): number {
  return Math.round(-years * DAYS_A_YEAR);
}
