import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { api, ApiError, featureList, newRequestKey, onLoggedOut } from "../../src/api";

type Call = { url: string; init: RequestInit };

function answering(status: number, body: unknown, calls: Call[]): void {
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  }) as typeof fetch;
}

test("a request asks the route with its parameters and gives the answer", async () => {
  const calls: Call[] = [];
  answering(200, { total: 0, offset: 0, limit: 20, clients: [] }, calls);
  const controller = new AbortController();
  const page = await api.clients("10 0", controller.signal);
  assert.equal(page.total, 0);
  assert.equal(calls[0].url, "/api/v1/clients?limit=20&offset=0&q=10%200");
  assert.equal(calls[0].init.signal, controller.signal);
});

test("a posted what-if sends JSON", async () => {
  const calls: Call[] = [];
  answering(200, {}, calls);
  await api.whatIf(7, { AMT_CREDIT: 1000 });
  assert.equal(calls[0].url, "/api/v1/clients/7/what-if?top=12");
  assert.equal(calls[0].init.method, "POST");
  assert.deepEqual(JSON.parse(String(calls[0].init.body)), { changes: { AMT_CREDIT: 1000 } });
  assert.deepEqual(calls[0].init.headers, { "Content-Type": "application/json" });
});

test("an error carries the API's own detail", async () => {
  answering(404, { error: "not found", detail: "no client 5" }, []);
  await assert.rejects(api.client(5), (error: unknown) => error instanceof ApiError && error.message === "no client 5");
});

test("a request refused for want of a session says so, once per refusal; the login's own refusal does not", async () => {
  let told = 0;
  onLoggedOut(() => (told += 1));
  answering(401, { error: "unauthorized", detail: "log in" }, []);
  await assert.rejects(api.client(5), (error: unknown) => error instanceof ApiError && error.status === 401);
  assert.equal(told, 1);
  await assert.rejects(api.login("ada", "wrong"));
  assert.equal(told, 1, "a wrong password is not an expired session");
});

test("a throttled login carries how long to wait", async () => {
  globalThis.fetch = (async () =>
    new Response(JSON.stringify({ error: "too many requests", detail: "wait" }), {
      status: 429,
      headers: { "Content-Type": "application/json", "Retry-After": "840" },
    })) as typeof fetch;
  await assert.rejects(
    api.login("ada", "guess"),
    (error: unknown) => error instanceof ApiError && error.status === 429 && error.retryAfter === 840,
  );
});

test("logging in posts the name and password; logging out deletes the session", async () => {
  const calls: Call[] = [];
  answering(200, { user: "ada", role: "advisor", by: "session" }, calls);
  assert.equal((await api.login("ada", "secret")).role, "advisor");
  await api.logout();
  assert.equal(calls[0].url, "/api/v1/session");
  assert.deepEqual(JSON.parse(String(calls[0].init.body)), { user: "ada", password: "secret" });
  assert.equal(calls[1].init.method, "DELETE");
});

test("the feature list is asked once, and asked again after a failure", async () => {
  const calls: Call[] = [];
  answering(503, { error: "unavailable", detail: "busy" }, calls);
  await assert.rejects(featureList());
  const feature = { feature: "DAYS_BIRTH", label_fr: "Âge", label_en: "Age", unit: "years", importance_rank: 0 };
  answering(200, { features: [feature] }, calls);
  assert.deepEqual(await featureList(), [feature]);
  await featureList();
  assert.equal(calls.length, 2, "one failed request, then one that is kept");
});

test("a decision carries its key, so that sending it again records it once", async () => {
  const calls: Call[] = [];
  answering(201, {}, calls);
  const key = newRequestKey();
  assert.match(key, /^[0-9a-f]{32}$/);
  assert.notEqual(newRequestKey(), key);
  await api.decide(7, "refused", "Refus confirmé en agence.", key);
  assert.deepEqual(calls[0].init.headers, { "Content-Type": "application/json", "Idempotency-Key": key });
});
