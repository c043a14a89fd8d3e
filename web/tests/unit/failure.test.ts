import "./setup";

import assert from "node:assert/strict";
import { test } from "node:test";

import { ApiError } from "../../src/api";
import { failureKey } from "../../src/failure";

test("each failure is said by its kind, the network's included", () => {
  assert.equal(failureKey(new ApiError("no client 999999", 404)), "failedNotFound");
  assert.equal(failureKey(new ApiError("comment: at least 20 characters", 422)), "failedInvalid");
  assert.equal(failureKey(new ApiError("slow down", 429, 3)), "failedBusy");
  assert.equal(failureKey(new ApiError("bug", 500)), "failedServer");
  assert.equal(failureKey(new ApiError("bad gateway", 502)), "failedServer");
  assert.equal(failureKey(new TypeError("Failed to fetch")), "failedOffline");
});

test("a view may say what a status means there", () => {
  assert.equal(failureKey(new ApiError("no current client in the window", 422), { 422: "emptyWindow" }), "emptyWindow");
  assert.equal(failureKey(new ApiError("bug", 500), { 422: "emptyWindow" }), "failedServer");
});
