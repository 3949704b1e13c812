import { defineConfig } from "@playwright/test";
export default defineConfig({ testDir: ".", testMatch: /shots-tmp\.spec\.ts/, use: { launchOptions: { executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] } }, timeout: 120000 });
