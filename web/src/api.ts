// The server's API, typed as the dashboard reads it. Errors carry the API's own detail.
export interface Labelled {
  feature: string;
  label_fr: string;
  label_en: string;
}

export interface Score {
  probability: number;
  decision: "granted" | "refused";
  threshold: number;
  distance: number;
  model: string;
}

export interface Reason {
  feature: number;
  effect: number;
  fr: string;
  en: string;
}

export interface Contribution extends Labelled {
  value: number | null;
  value_fr: string;
  value_en: string;
  shap: number;
  effect: number;
}

export interface Explanation extends Score {
  base_probability: number;
  contributions: Contribution[];
  others: { count: number; effect: number };
  reasons: { towards_refusal: Reason[]; towards_acceptance: Reason[] };
  warnings?: string[];
}

export interface ClientRow {
  id: number;
  split: "train" | "test" | "new";
  target: number | null;
  probability: number | null;
  decision: "granted" | "refused" | null;
  amt_credit: number | null;
  amt_income_total: number | null;
  name_contract_type: string;
}

export interface ClientDetail {
  id: number;
  split: "train" | "test" | "new";
  target: number | null;
  // A category code comes with its words in both languages (value_fr, value_en).
  application: Array<{ column: string; label_fr: string; label_en: string; value: number | string | null; value_fr?: string; value_en?: string; no_date?: boolean }>;
  summary: { history?: Array<{ key: string; label_fr: string; label_en: string; unit: string; value: number | null }> };
  score: Score;
}

export interface FeatureInfo extends Labelled {
  table: string;
  discrete: boolean;
  importance_rank: number;
}

export interface Counts {
  repaid: number;
  defaulted: number;
  unknown: number;
}

export interface Distribution extends Labelled {
  size: number;
  discrete: boolean;
  bins: Array<Counts & { value?: number; from?: number; to?: number }>;
  missing: Counts;
  client?: { id: number; value: number | null; bin: number | null };
}

export interface Bivariate {
  x: Labelled;
  y: Labelled;
  points: Array<[number, number, number | null, number | null]>;
  client?: { x: number | null; y: number | null; probability: number };
}

export interface Similar {
  clients: Array<{ id: number; distance: number; probability: number; target: number | null }>;
  known_outcomes: number;
  default_rate: number | null;
}

export interface ModelCard {
  run_id: string;
  created_at: string;
  threshold: number;
  cost_ratio: number;
  evaluation: {
    roc_auc: number;
    pr_auc: number;
    brier_score: number;
    threshold: number;
    cost_at_threshold: number;
    cost_at_half: number;
    roc_curve: { points: number[][] };
    cost_curve: { points: number[][] };
  };
  importance: Array<Labelled & { mean_abs_shap: number }>;
}

export interface GlobalView {
  features: Array<Labelled & { mean_abs_shap: number; values: Array<number | null>; shap: number[] }>;
}

export class ApiError extends Error {}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(body.detail ?? `${response.status} ${response.statusText}`);
  return body as T;
}

function post<T>(path: string, body: unknown): Promise<T> {
  return request<T>(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

export const api = {
  clients: (query: string, limit = 20) =>
    request<{ total: number; clients: ClientRow[] }>(
      `/api/v1/clients?limit=${limit}&q=${encodeURIComponent(query)}`,
    ),
  client: (id: number) => request<ClientDetail>(`/api/v1/clients/${id}`),
  explanation: (id: number) => request<Explanation>(`/api/v1/clients/${id}/explanation?top=12`),
  similar: (id: number) => request<Similar>(`/api/v1/clients/${id}/similar?k=10`),
  features: () => request<{ features: FeatureInfo[] }>("/api/v1/features"),
  distribution: (feature: string, query: string) =>
    request<Distribution>(`/api/v1/features/${encodeURIComponent(feature)}/distribution?${query}`),
  bivariate: (query: string) => request<Bivariate>(`/api/v1/bivariate?${query}`),
  whatIf: (id: number, changes: Record<string, number>) =>
    post<{ current: Explanation; edited: Explanation }>(`/api/v1/clients/${id}/what-if?top=12`, {
      changes,
    }),
  saveApplication: (application: Record<string, unknown>) =>
    post<Explanation & { id: number }>("/api/v1/applications", { application }),
  model: () => request<ModelCard>("/api/v1/model?top=20"),
  global: () => request<GlobalView>("/api/v1/model/global?top=12"),
};
