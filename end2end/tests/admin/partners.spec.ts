import { createHmac } from "node:crypto";
import { test, expect, hydrated, shot, staffLogin } from "../support";

test("an admin registers a partner app, the app signs in and calls a function, and the admin sees its log", async ({
  page,
  request,
  guard,
}) => {
  // Provoked on purpose: an empty form is refused field by field.
  guard.allow(/status of 422 .*\/api\/create_partner_app$/);
  await staffLogin(page);
  await page.click("a[href='/admin/partners']");
  await hydrated(page);
  await shot(page, "admin-partners-empty");

  await page.click("button.partner-new");
  await page.click(".partner-form button[type=submit]");
  await expect(page.locator(".partner-form [data-field=name]")).toHaveText("应用名称为 1–40 个字符");
  await shot(page, "admin-partners-form");

  const name = `ERP ${Date.now() % 1000000}`;
  await page.fill(".partner-form #f-name", name);
  await page.check(".partner-form input[name=function][value=current_user]");
  await page.check(".partner-form input[name=function][value=list_companies]");
  await page.fill(".partner-form #f-rate_per_min", "30");
  await page.click(".partner-form button[type=submit]");
  await expect(page.locator(".notice")).toHaveText("应用已创建。");
  const secret = (await page.locator(".partner-secret-value").textContent()) ?? "";
  expect(secret).toMatch(/^sps_[0-9a-f]{64}$/);
  const row = page.locator(".partner-app", { hasText: name });
  const appId = (await row.getAttribute("data-app-id")) ?? "";
  expect(appId).toMatch(/^pa_/);
  await shot(page, "admin-partners-created");

  // The partner's side: a signed token request, then a bearer call.
  const timestamp = Math.floor(Date.now() / 1000);
  const nonce = `e2e-${Date.now()}`;
  const signature = createHmac("sha256", secret).update(`${appId}${timestamp}${nonce}`).digest("hex");
  const tokenRes = await request.post("/api/partner_token", {
    data: { input: { app_id: appId, timestamp, nonce, signature } },
  });
  expect(tokenRes.status()).toBe(200);
  const token = (await tokenRes.json()).access_token as string;
  const me = await request.post("/api/current_user", {
    data: {},
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(me.status()).toBe(200);
  expect((await me.json()).Staff.account).toBe(`app:${appId}`);
  const refused = await request.post("/api/list_staff", {
    data: { filter: {} },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(refused.status()).toBe(403);

  // The admin sees every call in the app's log, failures on their own.
  await row.locator("button.partner-log-toggle").click();
  const log = row.locator(".partner-request");
  await expect(log).toHaveCount(3);
  await expect(log.first()).toContainText("list_staff");
  await expect(log.first()).toContainText("403");
  await expect(log.first()).toContainText("没有权限");
  await row.locator("input.partner-log-failed").check();
  await expect(log).toHaveCount(1);
  await shot(page, "admin-partners-log");

  // Disabling asks first, then the token stops at once.
  page.once("dialog", (d) => d.accept());
  await row.locator("button.partner-toggle").click();
  await expect(row).toContainText("已停用");
  const after = await request.post("/api/current_user", {
    data: {},
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(after.status()).toBe(401);
});
