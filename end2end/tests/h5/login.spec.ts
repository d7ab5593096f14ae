import { test, expect, hydrated, memberLogin, shot } from "../support";

test("a customer on a 375 px phone signs in with an SMS code and sees their company", async ({ page }) => {
  await page.goto("/h5");
  await expect(page).toHaveURL(/\/h5\/login\?next=\/h5/);
  await hydrated(page);
  await shot(page, "h5-login");

  await page.fill("#f-phone", "1380013");
  await page.click("button.send-code");
  await expect(page.locator("[data-field=phone]")).toHaveText("请输入正确的 11 位手机号");

  await memberLogin(page, "h5", "13800138003");
  // Signed in, the home page; the member's own page is the 我的 tab.
  await expect(page.locator(".home-quote")).toBeVisible();
  await page.click("nav.tab-bar .tab-me");
  await page.waitForURL(/\/h5\/me$/);
  await expect(page.locator("nav.tab-bar .tab-me")).toHaveAttribute("aria-current", "page");
  await expect(page.locator(".me-name")).toHaveText("王芳");
  await expect(page.locator(".company-name")).toHaveText("义乌市星辰贸易有限公司");
  await expect(page.locator(".member")).toHaveCount(1);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await shot(page, "h5-me");
});

test("a wrong code is refused with a message under the code field", async ({ page, guard }) => {
  // Provoked on purpose: the form shows the server's validation answer.
  guard.allow(/status of 422 .*\/api\/member_login$/);
  await page.goto("/h5/login");
  await hydrated(page);
  await page.fill("#f-phone", "13800138006");
  await page.click("button.send-code");
  await expect(page.locator(".code-sent")).toContainText(/\d{6}/);
  const code = (await page.locator(".code-sent").textContent())!.match(/(\d{6})/)![1];
  const wrong = code === "000000" ? "111111" : "000000";
  await page.fill("#f-code", wrong);
  await page.click("button[type=submit]");
  await expect(page.locator("[data-field=code]")).toHaveText("验证码错误");
  await expect(page).toHaveURL(/\/h5\/login/);
  // The dev-mode code stays shown while its resend is locked.
  await expect(page.locator(".code-sent")).toContainText(code);
  await expect(page.locator("button.send-code")).toBeDisabled();

  // After a reload the resend is refused by the server's cooldown: the page
  // says it is a cooldown and counts it down, not "too many attempts".
  guard.allow(/status of 429 .*\/api\/request_login_code$/);
  await page.reload();
  await hydrated(page);
  await page.fill("#f-phone", "13800138006");
  await page.click("button.send-code");
  const line = page.locator(".code-cooldown");
  await expect(line).toContainText(/请 \d+ 秒后再重新获取/);
  await expect(page.locator("body")).not.toContainText("尝试次数过多");
  const first = Number((await line.textContent())!.match(/(\d+) 秒/)![1]);
  await expect.poll(async () => Number((await line.textContent())!.match(/(\d+) 秒/)?.[1] ?? 0)).toBeLessThan(first);
  await expect(page.locator("button.send-code")).toContainText("秒后重发");
});
