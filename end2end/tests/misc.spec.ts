import { test, expect, hydrated, shot, staffLogin } from "./support";
import { memberSignIn } from "./h5/sign_in";

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

test("an unknown address shows the 404 page", async ({ page, guard }) => {
  guard.allow(/status of 404 .*no\/such\/page/);
  const res = await page.goto("/no/such/page");
  expect(res?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveText("页面不存在");
});

test("every portal page is captured at desktop and phone widths", async ({ browser, guard }) => {
  test.setTimeout(240_000);
  // The 404 page is visited on purpose.
  guard.allow(/status of 404 .*\/no\/such\/page$/);
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
    // Other specs use these phones: wait out their code's resend cooldown.
    await memberSignIn(page, guard, "h5", width === 375 ? "13800138002" : "13800138005");
    await shot(page, "h5-me");
    // The customers' pages must hydrate without a console error too (the
    // shared guard fails the test on any).
    await page.goto("/portal");
    await hydrated(page);
    await shot(page, "portal-workbench");
    for (const path of ["/portal/chat", "/h5", "/h5/chat"]) {
      await page.goto(path);
      await hydrated(page);
    }
    await page.waitForTimeout(300);
    await ctx.close();
  }
});

// A hydration mismatch leaves a page dead to clicks: every page must hydrate
// without a console error (reactive markers inside a <select>, for one, do not
// survive the browser's parser).
const PAGES: [string, string[]][] = [
  ["admin", ["/admin", "/admin/staff", "/admin/customers", "/admin/chat", "/admin/chat/settings", "/admin/webhooks"]],
  ["cs1", ["/admin/chat", "/admin/customers"]],
];
for (const [who, paths] of PAGES) {
  test(`the pages of ${who} hydrate without errors`, async ({ page }) => {
    await staffLogin(page, who);
    const companies = [];
    for (const path of paths) {
      await page.goto(path);
      await hydrated(page);
      if (path === "/admin/customers") {
        await expect(page.locator(".company-row").first()).toBeVisible();
        companies.push(await page.locator(".company-row a").first().getAttribute("href"));
      }
    }
    for (const href of companies) {
      await page.goto(href!);
      await hydrated(page);
    }
    await page.waitForTimeout(500);
  });
}

test("the API reference renders every operation from /api/openapi.json", async ({ page }) => {
  const doc = await (await page.request.get("/api/openapi.json")).json();
  const count = (items: Record<string, object>) =>
    Object.values(items).reduce((n: number, item) => n + Object.keys(item).length, 0);
  // Every path's operations and every webhook event.
  const operations = count(doc.paths) + count(doc.webhooks);
  await page.goto("/api/docs");
  // Webhooks are drawn open; each tag's operations when the tag is opened
  // (one at a time: the renderer stops past about 150 open at once).
  const tags = page.locator(".opblock-tag");
  await expect(tags).toHaveCount(doc.tags.length);
  const hooks = count(doc.webhooks);
  await expect(page.locator(".opblock")).toHaveCount(hooks);
  let drawn = hooks;
  for (let i = 0; i < doc.tags.length; i++) {
    await tags.nth(i).click();
    const inTag = page.locator(".opblock-tag-section.is-open .opblock");
    await expect(inTag.first()).toBeVisible();
    drawn += await inTag.count();
    await tags.nth(i).click();
    await expect(page.locator(".opblock-tag-section.is-open")).toHaveCount(0);
  }
  expect(drawn).toBe(operations);
  await tags.filter({ hasText: "chat" }).first().click();
  await expect(page.locator(".opblock-summary-path", { hasText: "/api/chat_send" })).toBeVisible();
  await shot(page, "api-docs");
});
