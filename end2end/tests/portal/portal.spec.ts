import { test, expect, memberLogin, shot } from "../support";

test("a direct customer signs in to the portal and sees the company profile and members", async ({ page }) => {
  await memberLogin(page, "portal", "13800138001");
  await expect(page.locator(".company-name")).toHaveText("深圳市海通跨境电商有限公司");
  await expect(page.locator(".member")).toHaveCount(2);
  await expect(page.locator(".member-phone").first()).toHaveText("13800138001");
  await shot(page, "portal-workbench");

  await page.click("button.logout");
  await page.waitForURL(/\/portal\/login/);
  await page.goto("/portal");
  await expect(page).toHaveURL(/\/portal\/login/);
});
