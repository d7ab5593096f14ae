import { expect, Page } from "@playwright/test";

/** Clicks do nothing before hydration: the app marks <body data-hydrated>. */
export async function hydrated(page: Page) {
  await expect(page.locator("body[data-hydrated=true]")).toHaveCount(1);
}

export async function shot(page: Page, name: string) {
  const w = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `screenshots/${name}-${w}.png`, fullPage: true });
}

export async function staffLogin(page: Page, account = "admin", password = "demo1234") {
  await page.goto("/admin/login");
  await hydrated(page);
  await page.fill("#f-account", account);
  await page.fill("#f-password", password);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/admin$/);
  await hydrated(page);
}

export async function memberLogin(page: Page, portal: "h5" | "portal", phone = "13800138001") {
  await page.goto(`/${portal}/login`);
  await hydrated(page);
  await page.fill("#f-phone", phone);
  await page.click("button.send-code");
  const sent = page.locator(".code-sent");
  await expect(sent).toContainText(/\d{6}/);
  const code = (await sent.textContent())!.match(/(\d{6})/)![1];
  await page.fill("#f-code", code);
  await page.click("button[type=submit]");
  await page.waitForURL(new RegExp(`/${portal}$`));
  await hydrated(page);
}
