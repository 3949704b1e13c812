import { expect, type APIRequestContext } from "@playwright/test";
import { projectServers } from "./project";

/** The fake CBP of the project the test runs in. */
const fake = () => projectServers().fakeCbp;

export async function setFakeMode(request: APIRequestContext, mode: string): Promise<void> {
  const res = await request.post(`${fake()}/__control/mode/${mode}`);
  expect(res.ok()).toBeTruthy();
}

export async function setFakeFixture(request: APIRequestContext, file: string): Promise<void> {
  const res = await request.post(`${fake()}/__control/fixture`, { data: { path: file } });
  expect(res.ok()).toBeTruthy();
}

export async function resetFake(request: APIRequestContext): Promise<void> {
  const res = await request.post(`${fake()}/__control/reset`);
  expect(res.ok()).toBeTruthy();
}

/** Waits until the site has stored data from the fake and is fresh again. */
export async function waitForFreshData(request: APIRequestContext): Promise<void> {
  await expect
    .poll(async () => {
      const res = await request.get("/api/health");
      const body = (await res.json()) as { data: { hasData: boolean; stale: boolean } };
      return body.data.hasData && !body.data.stale;
    }, { timeout: 30_000 })
    .toBe(true);
}
