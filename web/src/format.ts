// Numbers and decisions as each language writes them.
import { currentLanguage, t } from "./i18n";

function locale(): string {
  return currentLanguage() === "fr" ? "fr-FR" : "en-GB";
}

export function percent(share: number, digits = 1): string {
  return new Intl.NumberFormat(locale(), {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

// An effect on the probability, in points: 0.084 → "+8,4".
export function points(effect: number): string {
  const value = new Intl.NumberFormat(locale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Math.abs(effect) * 100);
  return (effect >= 0 ? "+" : "−") + value;
}

// The lender's currency (ISO 4217), as the server says at login: amounts before it are numbers.
let currency: string | null = null;

export function setCurrency(code: string): void {
  currency = code;
}

// An amount in the lender's currency, whole: « 351 227 € », "€351,227"; without a value, the
// currency's symbol alone.
export function money(value: number | null): string {
  const style: Intl.NumberFormatOptions = currency ? { style: "currency", currency } : {};
  const format = new Intl.NumberFormat(locale(), { ...style, maximumFractionDigits: 0 });
  if (value === null) return format.formatToParts(0).find((part) => part.type === "currency")?.value ?? "";
  return format.format(value);
}

export function number(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 1 ? 2 : 3;
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

// A decision in words; a client never scored has none and says so, never "granted".
export function decisionText(decision: "granted" | "refused" | null): string {
  if (decision === null) return t("notScored");
  return decision === "refused" ? t("refused") : t("granted");
}

// A moment as people read it: « 4 déc. 2026, 16:53 », "4 Dec 2026, 16:53"; with `time` false, the day.
export function moment(iso: string, time = true): string {
  const date = new Date(iso);
  return time
    ? date.toLocaleString(locale(), { dateStyle: "medium", timeStyle: "short" })
    : date.toLocaleDateString(locale(), { dateStyle: "medium" });
}

// Whether an application is new or past, and a past one's outcome: « dossier passé, a remboursé ».
export function applicationKind(split: "train" | "test" | "new", target: number | null): string {
  if (split !== "train") return t("newApplication");
  return `${t("pastApplication")}, ${target === 1 ? t("outcomeDefaulted") : t("outcomeRepaid")}`;
}
