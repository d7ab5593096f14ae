import { test, expect } from "@playwright/test";
import { hydrated, memberLogin, shot, staffLogin } from "./support";

test("the language switch changes the page to English and is remembered", async ({ page }) => {
  await page.goto("/admin/login");
  await hydrated(page);
  await expect(page.locator("h1")).toHaveText("员工登录");
  await page.click("button.lang-switch");
  await expect(page.locator("h1")).toHaveText("Staff sign-in");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h1")).toHaveText("Staff sign-in");
  // Signing in keeps the choice, and the account remembers it.
  await staffLogin(page, "ops1");
  await expect(page.locator("a[href='/admin']")).toHaveText("Dashboard");
  await page.click("button.lang-switch");
  await expect(page.locator("a[href='/admin']")).toHaveText("工作台");
});

test("an unknown address shows the 404 page", async ({ page }) => {
  const res = await page.goto("/no/such/page");
  expect(res?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveText("页面不存在");
});

test("every portal page is captured at desktop and phone widths", async ({ browser }) => {
  for (const width of [1366, 375]) {
    const ctx = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await ctx.newPage();
    await page.goto("/");
    await shot(page, "home");
    await page.goto("/admin/login");
    await shot(page, "admin-login");
    await page.goto("/portal/login");
    await shot(page, "portal-login");
    await page.goto("/no/such/page");
    await shot(page, "not-found");
    await staffLogin(page);
    for (const p of ["staff", "customers"]) {
      await page.goto(`/admin/${p}`);
      await hydrated(page);
      await shot(page, `admin-${p}`);
    }
    await memberLogin(page, "h5", width === 375 ? "13800138002" : "13800138005");
    await shot(page, "h5-me");
    await page.goto("/portal");
    await hydrated(page);
    await shot(page, "portal-workbench");
    await ctx.close();
  }
});
