import { test, expect, hydrated, shot, staffLogin } from "../support";

test("ops create, edit and delete a city's pickup slot; bad values show by their fields", async ({ page }) => {
  await staffLogin(page, "ops1");
  await page.click("nav.admin-menu >> text=揽收时段");
  await page.waitForURL(/\/admin\/pickup-slots$/);
  await hydrated(page);
  await expect(page.locator('.pickup-city[data-city="深圳"] .pickup-row')).toHaveCount(3);
  await shot(page, "pickup-slots");

  // Create, with a bad time and capacity first.
  await page.click("button.new-pickup");
  await page.fill('input[name="city"]', "杭州");
  await page.fill('input[name="start"]', "9点");
  await page.fill('input[name="capacity"]', "6");
  await page.click("button.save-pickup");
  await expect(page.locator('.field-error[data-field="start"]')).toBeVisible();
  await page.fill('input[name="start"]', "13:00");
  await page.fill('input[name="end"]', "12:00");
  await page.click("button.save-pickup");
  await expect(page.locator('.field-error[data-field="end"]')).toBeVisible();
  await page.fill('input[name="end"]', "17:30");
  await page.fill('input[name="capacity"]', "0");
  await page.click("button.save-pickup");
  await expect(page.locator('.field-error[data-field="capacity"]')).toBeVisible();
  await shot(page, "pickup-slot-errors");
  await page.fill('input[name="capacity"]', "6");
  await page.click("button.save-pickup");
  await expect(page.locator(".notice")).toHaveText("已保存");
  const city = page.locator('.pickup-city[data-city="杭州"]');
  await expect(city.locator(".pickup-row")).toHaveCount(1);
  await expect(city.locator(".pickup-days")).toHaveText("周一至周五");
  await expect(city.locator(".pickup-window")).toHaveText("13:00–17:30");
  await expect(city.locator(".pickup-capacity")).toHaveText("6");

  // Edit: Saturdays only, 12 a day.
  await city.locator("button.edit-pickup").click();
  await expect(page.locator('input[name="city"]')).toHaveValue("杭州");
  for (const d of ["mon", "tue", "wed", "thu", "fri"]) {
    await page.locator(`.pickup-form input.weekday[value="${d}"]`).uncheck();
  }
  await page.locator('.pickup-form input.weekday[value="sat"]').check();
  await page.fill('input[name="capacity"]', "12");
  await page.click("button.save-pickup");
  await expect(page.locator(".notice")).toHaveText("已保存");
  await expect(city.locator(".pickup-days")).toHaveText("周六");
  await expect(city.locator(".pickup-capacity")).toHaveText("12");

  // The search form shows the city's windows once it is the origin.
  await page.goto("/admin/quote");
  await hydrated(page);
  await expect(page.locator(".pickup-hint")).toHaveCount(0);
  await page.selectOption('select[name="origin"]', "深圳");
  await expect(page.locator(".pickup-hint")).toContainText(/上门揽收：.*\d\d:\d\d–\d\d:\d\d/);

  // Delete: asked first; dismissed, it stays; accepted, the city goes.
  await page.goto("/admin/pickup-slots");
  await hydrated(page);
  page.once("dialog", (d) => d.dismiss());
  await city.locator("button.delete-pickup").click();
  await expect(city.locator(".pickup-row")).toHaveCount(1);
  page.once("dialog", (d) => d.accept());
  await city.locator("button.delete-pickup").click();
  await expect(page.locator(".notice")).toHaveText("已删除");
  await expect(city).toHaveCount(0);
});

test("a salesperson has no pickup slots in the menu and cannot change them", async ({ page }) => {
  await staffLogin(page, "sales1");
  await expect(page.locator("nav.admin-menu")).not.toContainText("揽收时段");
  await page.goto("/admin/pickup-slots");
  await hydrated(page);
  await expect(page.locator(".pickup-city").first()).toBeVisible();
  await expect(page.locator("button.new-pickup")).toHaveCount(0);
  await expect(page.locator("button.delete-pickup")).toHaveCount(0);
});
