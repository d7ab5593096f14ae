import { test, expect, hydrated, shot, staffLogin } from "../support";

test("an admin signs in, is refused a weak password, then creates a staff member", async ({ page, guard }) => {
  // Provoked on purpose: the form shows the server's validation answer.
  guard.allow(/status of 422 .*\/api\/(staff_login|create_staff)$/);
  await page.goto("/admin/login");
  await hydrated(page);
  await page.fill("#f-account", "admin");
  await page.fill("#f-password", "wrong-password1");
  await page.click("button[type=submit]");
  await expect(page.locator("[data-field=password]")).toHaveText("账号或密码错误");

  await staffLogin(page);
  await expect(page.locator(".current-user")).toHaveText("系统管理员");
  await shot(page, "admin-dashboard");

  await page.click("a[href='/admin/staff']");
  await expect(page.locator(".staff-row").first()).toBeVisible();
  await shot(page, "admin-staff");

  const account = `e2e${Date.now() % 1000000}`;
  await page.click("button.new-staff");
  await page.fill(".staff-form #f-account", account);
  await page.fill(".staff-form #f-name", "测试员工");
  await page.fill(".staff-form #f-password", "short");
  await page.check(".staff-form input[value=cs]");
  await page.click(".staff-form button[type=submit]");
  await expect(page.locator(".staff-form [data-field=password]")).toHaveText("密码长度为 8–128 位");

  await page.fill(".staff-form #f-password", "letters123");
  await page.click(".staff-form button[type=submit]");
  await expect(page.locator(".staff-form")).toHaveCount(0);
  await page.fill("input.search", account);
  await page.press("input.search", "Enter");
  await expect(page.locator(`.staff-row[data-account=${account}]`)).toContainText("客服");
  await expect(page.locator(".staff-row")).toHaveCount(1);
});

test("a signed-out visitor is sent to sign in and comes back where they were going", async ({ page }) => {
  await page.goto("/admin/customers");
  await expect(page).toHaveURL(/\/admin\/login\?next=\/admin\/customers/);
  await hydrated(page);
  await page.fill("#f-account", "sales1");
  await page.fill("#f-password", "demo1234");
  await page.click("button[type=submit]");
  await page.waitForURL(/\/admin\/customers$/);
  // A salesperson sees only their own customers and no staff menu.
  await expect(page.locator(".company-row")).toHaveCount(2);
  await expect(page.locator("a[href='/admin/staff']")).toHaveCount(0);
});
