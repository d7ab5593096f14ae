import { test, expect, hydrated, shot, staffLogin } from "../support";

test("an admin searches customers, opens one and is told what is wrong with a bad member phone", async ({ page, guard }) => {
  // Provoked on purpose: the form shows the server's validation answer.
  guard.allow(/status of 422 .*\/api\/add_member$/);
  await staffLogin(page);
  await page.click("a[href='/admin/customers']");
  await expect(page.locator(".company-row").first()).toBeVisible();
  await shot(page, "admin-customers");

  await page.fill("input.search", "海通");
  await page.press("input.search", "Enter");
  await expect(page.locator(".company-row")).toHaveCount(1);
  await page.fill("input.search", "13800138004");
  await page.press("input.search", "Enter");
  await expect(page.locator(".company-row")).toHaveCount(1);
  await expect(page.locator(".company-row")).toContainText("广州优品");

  await page.click(".company-row a");
  await expect(page.locator(".company-name")).toHaveText("广州优品供应链有限公司");
  await expect(page.locator(".member")).toHaveCount(2);
  await hydrated(page);
  await shot(page, "admin-customer-detail");

  await page.fill("#f-member_name", "新成员");
  await page.fill("#f-member_phone", "12345");
  await page.click(".add-member button[type=submit]");
  await expect(page.locator(".add-member [data-field=member_phone]")).toHaveText("请输入正确的 11 位手机号");
  await expect(page.locator(".member")).toHaveCount(2);
});
