// The server's API as the dashboard reads it. Every type comes from the server's OpenAPI
// document (docs/openapi.json, kept equal to /openapi.json by the server's tests), turned into
// TypeScript at each build by openapi-typescript: the dashboard cannot drift from the server.
// Errors carry the API's own detail.
import type { components } from "./api_schema";

type Schemas = components["schemas"];

export type Labelled = Schemas["Feature"];
export type Score = Schemas["Score"];
export type Explanation = Schemas["Explanation"] & { warnings?: string[] };
export type Reason = Explanation["reasons"]["towards_refusal"][number];
export type Contribution = Explanation["contributions"][number];
export type ClientRow = Schemas["ClientPage"]["clients"][number];
export type ClientDetail = Schemas["ClientFile"];
export type FeatureInfo = Schemas["FeatureList"]["features"][number];
export type Distribution = Schemas["Distribution"];
export type Counts = Distribution["missing"];
export type Bivariate = Schemas["Bivariate"];
export type Similar = Schemas["SimilarClients"];
export type ModelCard = Schemas["ModelCard"];
export type Monitoring = Schemas["Monitoring"];
export type FeatureDrift = Monitoring["features"][number];
export type Fairness = Schemas["Fairness"];
export type GlobalView = Schemas["GlobalExplanation"];

export type Session = Schemas["Session"];
export type Decisions = Schemas["Decisions"];
export type Decision = Schemas["Decision"];
export type Worklist = Schemas["Worklist"];
export type Recourse = Schemas["Recourse"];
export type RecourseOption = Schemas["RecourseOption"];

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status = 0,
    readonly retryAfter = 0, // seconds, on a 429
  ) {
    super(message);
  }
}

// Told when a request is refused for want of a valid session (it expired, or was closed), so that
// the dashboard asks the advisor to log in again without leaving the page.
let whenLoggedOut: () => void = () => {};
export function onLoggedOut(listener: () => void): void {
  whenLoggedOut = listener;
}

// Every request belongs to the view that asked for it: leaving the view aborts it. The session
// cookie goes with it (same origin); the browser adds the Origin the server checks on changes.
async function request<T>(path: string, signal?: AbortSignal, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, signal });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    if (response.status === 401 && path !== "/api/v1/session") whenLoggedOut();
    const retryAfter = Number(response.headers.get("Retry-After") ?? 0);
    throw new ApiError(body.detail ?? `${response.status} ${response.statusText}`, response.status, retryAfter);
  }
  return body as T;
}

// A request that creates something carries a key (Idempotency-Key): sent again after its answer
// was lost, it creates nothing new.
function post<T>(path: string, body: unknown, signal?: AbortSignal, key?: string): Promise<T> {
  return request<T>(path, signal, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(key ? { "Idempotency-Key": key } : {}) },
    body: JSON.stringify(body),
  });
}

// A new key for a request that creates something; kept while the person sends the same thing
// again, renewed once it is created or the form changes. (crypto.randomUUID needs HTTPS.)
export function newRequestKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export const api = {
  clients: (query: string, signal?: AbortSignal, limit = 20, offset = 0) =>
    request<Schemas["ClientPage"]>(`/api/v1/clients?limit=${limit}&offset=${offset}&q=${encodeURIComponent(query)}`, signal),
  client: (id: number, signal?: AbortSignal) => request<ClientDetail>(`/api/v1/clients/${id}`, signal),
  explanation: (id: number, signal?: AbortSignal) =>
    request<Schemas["ClientExplanation"]>(`/api/v1/clients/${id}/explanation?top=12`, signal),
  similar: (id: number, signal?: AbortSignal) => request<Similar>(`/api/v1/clients/${id}/similar?k=10`, signal),
  features: (signal?: AbortSignal) => request<Schemas["FeatureList"]>("/api/v1/features", signal),
  distribution: (feature: string, query: string, signal?: AbortSignal) =>
    request<Distribution>(`/api/v1/features/${encodeURIComponent(feature)}/distribution?${query}`, signal),
  bivariate: (query: string, signal?: AbortSignal) => request<Bivariate>(`/api/v1/bivariate?${query}`, signal),
  whatIf: (id: number, changes: Record<string, number>, signal?: AbortSignal) =>
    post<Schemas["WhatIf"]>(`/api/v1/clients/${id}/what-if?top=12`, { changes }, signal),
  recourse: (id: number, signal?: AbortSignal) => request<Recourse>(`/api/v1/clients/${id}/recourse`, signal),
  saveApplication: (application: Record<string, unknown>, key: string, signal?: AbortSignal) =>
    post<Schemas["AdmittedApplication"]>("/api/v1/applications", { application }, signal, key),
  model: (signal?: AbortSignal) => request<ModelCard>("/api/v1/model?top=20", signal),
  // query: since=, until= (dates), last= (the newest N applications); empty for all.
  monitoring: (query: string, signal?: AbortSignal) => request<Monitoring>(`/api/v1/monitoring?${query}`, signal),
  global: (signal?: AbortSignal) => request<GlobalView>("/api/v1/model/global?top=12", signal),
  applications: (status: "pending" | "decided", offset: number, signal?: AbortSignal) =>
    request<Worklist>(`/api/v1/applications?status=${status}&offset=${offset}&limit=10`, signal),
  decisions: (id: number, signal?: AbortSignal) => request<Decisions>(`/api/v1/clients/${id}/decisions`, signal),
  decide: (id: number, decision: "granted" | "refused", comment: string, key: string, signal?: AbortSignal) =>
    post<Decision>(`/api/v1/clients/${id}/decision`, { decision, comment }, signal, key),
  // Opened by the browser itself (a download), with the session cookie.
  letterUrl: (id: number, lang: "fr" | "en") => `/api/v1/clients/${id}/letter?lang=${lang}`,
  modelCardUrl: (lang: "fr" | "en", format: "pdf" | "markdown") =>
    `/api/v1/model/card?lang=${lang}&format=${format}`,
  exportUrl: (id: number) => `/api/v1/clients/${id}/export`,
  session: () => request<Session>("/api/v1/session"),
  login: (user: string, password: string) => post<Session>("/api/v1/session", { user, password }),
  logout: () => request<unknown>("/api/v1/session", undefined, { method: "DELETE" }),
};

// The features with their labels, most important first: asked once, shared by the pages.
let features: Promise<FeatureInfo[]> | null = null;
export function featureList(): Promise<FeatureInfo[]> {
  // A refused or failed request is asked again next time, not kept.
  features ??= api.features().then(
    (r) => r.features.sort((a, b) => a.importance_rank - b.importance_rank),
    (error: unknown) => {
      features = null;
      throw error;
    },
  );
  return features;
}
