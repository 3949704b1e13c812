/**
 * Checks every API test makes of a response: the contract headers, a JSON 200, a JSON error.
 */
import { expect } from "vitest";
import { API_HEADERS } from "@/lib/api/http";
import { ApiError } from "@/lib/api/v1-schema";

export function expectApiHeaders(res: Response): void {
  for (const [name, value] of Object.entries(API_HEADERS)) expect(res.headers.get(name), name).toBe(value);
  expect(res.headers.has("set-cookie")).toBe(false);
}

/** A 200 JSON body with a weak ETag. */
export async function okJson(res: Response): Promise<unknown> {
  expect(res.status).toBe(200);
  expectApiHeaders(res);
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(res.headers.get("etag")).toMatch(/^W\/"[^"]+"$/);
  return res.json();
}

/** A JSON error of exactly `{ error: { code, message } }`; returns the message. */
export async function bad(res: Response, status = 400): Promise<string> {
  expect(res.status).toBe(status);
  expectApiHeaders(res);
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(res.headers.has("etag")).toBe(false);
  expect(res.headers.has("content-disposition")).toBe(false);
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["error"]);
  const parsed = ApiError.parse(body);
  expect(parsed.error.code).toBe(status === 404 ? "not_found" : "bad_request");
  expect(parsed.error.message).toMatch(/\S/);
  return parsed.error.message;
}
