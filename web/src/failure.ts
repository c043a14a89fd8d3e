// What went wrong, said in the interface's language: one sentence per kind of failure, and the
// server's own detail (in English, for support) behind a « Détails » toggle.
import { ApiError } from "./api";
import { h } from "./dom";
import { t, type TextKey } from "./i18n";

type Sentences = Partial<Record<number, TextKey>>;

// The sentence for a failed request: by its HTTP status (a view may say what a status means
// there), or the network when none came back.
export function failureKey(error: unknown, own: Sentences = {}): TextKey {
  if (!(error instanceof ApiError) || error.status === 0) return "failedOffline";
  if (own[error.status]) return own[error.status] as TextKey;
  const byStatus: Record<number, TextKey> = {
    400: "failedRequest",
    401: "failedSession",
    403: "failedForbidden",
    404: "failedNotFound",
    409: "failedConflict",
    413: "failedTooLarge",
    422: "failedInvalid",
    429: "failedBusy",
  };
  return byStatus[error.status] ?? "failedServer";
}

export function failure(error: unknown, own: Sentences = {}): HTMLElement {
  const detail = error instanceof Error ? error.message : String(error);
  return h(
    "div",
    { class: "failure", role: "alert" },
    h("p", {}, t(failureKey(error, own))),
    h("details", {}, h("summary", {}, t("details")), h("p", { lang: "en" }, detail)),
  );
}
