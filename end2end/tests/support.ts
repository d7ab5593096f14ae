import { test as base, expect, Browser, BrowserContext, Page } from "@playwright/test";

/** What a test may declare it expects to fail (a 4xx it provokes on purpose). */
export type Guard = { allow: (pattern: RegExp) => void };

function watch(page: Page, errors: string[]) {
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text().slice(0, 300)} @ ${m.location().url}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message} @ ${page.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 500) errors.push(`5xx: ${r.status()} ${r.request().method()} ${r.url()}`);
  });
}

function watchContext(ctx: BrowserContext, errors: string[]) {
  ctx.pages().forEach((p) => watch(p, errors));
  ctx.on("page", (p) => watch(p, errors));
}

/**
 * Every spec imports `test` from here: each test fails on any console error
 * (including "Failed to load resource"), any uncaught page error and any 5xx
 * response, in its own page and in contexts it opens itself. A test that
 * provokes a 4xx on purpose names it with `guard.allow(/…/)`; 5xx and page
 * errors cannot be allowed.
 */
export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ context, browser }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      watchContext(context, errors);
      const b = browser as Browser & { newContext: Browser["newContext"] };
      const original = b.newContext.bind(b);
      b.newContext = async (opts) => {
        const ctx = await original(opts);
        watchContext(ctx, errors);
        return ctx;
      };
      await use({ allow: (p) => allowed.push(p) });
      b.newContext = original;
      const unexpected = errors.filter(
        (e) => e.startsWith("5xx") || e.startsWith("pageerror") || !allowed.some((a) => a.test(e)),
      );
      expect(unexpected, "console errors, page errors and 5xx responses").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

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

/** A staff member signed in on a desktop of their own (a new context). */
export async function staffDesktop(browser: Browser, account: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
  const page = await ctx.newPage();
  await staffLogin(page, account);
  return page;
}

/** Sets an agent's chat status (online, busy…) through the API. */
export async function setAgentStatus(agent: Page, status: string) {
  const r = await agent.request.post("/api/chat_set_status", { data: { status } });
  expect(r.status()).toBe(200);
}
