import { defineConfig, devices } from "@playwright/test";

// The server is started (and seeded) by scripts/test.sh; BASE_URL says where.
const chromiumArgs = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
    locale: "zh-CN",
    trace: "off",
  },
  projects: [
    { name: "desktop", testMatch: /(admin|portal)\/.*\.spec\.ts/, use: { viewport: { width: 1366, height: 800 } } },
    { name: "phone", testMatch: /h5\/.*\.spec\.ts/, use: { ...devices["iPhone SE"], browserName: "chromium", viewport: { width: 375, height: 667 } } },
    { name: "misc", testMatch: /misc\.spec\.ts/, use: { viewport: { width: 1366, height: 800 } } },
  ],
});
