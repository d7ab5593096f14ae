import { test, expect, hydrated, shot, staffLogin } from "../support";

// Ops' boards over the demo's orders: the held order's alert (异常预警) and
// the pending order's pickup (揽收叫车).
test.use({ viewport: { width: 1366, height: 800 } });

test("ops close the held order's alert with a note, and it moves to the closed list", async ({ page }) => {
  await staffLogin(page, "ops1");
  await page.click("nav.admin-menu a[href='/admin/alerts']");
  await page.waitForURL(/\/admin\/alerts$/);
  await hydrated(page);
  const row = page.locator("tr.alert-row", { hasText: "目的港海关查验" });
  await expect(row).toBeVisible();
  await expect(row.locator(".alert-kind")).toHaveText("订单异常");
  await expect(row).toContainText("杭州云帆进出口有限公司");
  await shot(page, "admin-alerts");

  await row.locator("button.close-alert").click();
  await row.locator("textarea[name=note]").fill("已与客户确认，等待放行");
  await row.locator("button.confirm-close").click();
  await expect(page.locator("tr.alert-row", { hasText: "目的港海关查验" })).toHaveCount(0);

  await page.click('button.alert-tab[data-status="closed"]');
  const closed = page.locator("tr.alert-row", { hasText: "目的港海关查验" });
  await expect(closed.locator(".alert-closed")).toContainText("运营赵强 已关闭：已与客户确认，等待放行");
});

test("ops see the demo's pickup by day and cancel it with a reason", async ({ page, guard }) => {
  // Provoked on purpose: a cancel without a reason is refused at its field.
  guard.allow(/status of 422 .*\/api\/cancel_pickup$/);
  await staffLogin(page, "ops1");
  await page.click("nav.admin-menu a[href='/admin/pickups']");
  await page.waitForURL(/\/admin\/pickups$/);
  await hydrated(page);
  await expect(page.locator("h1")).toHaveText("揽收计划");
  const row = page.locator("tr.pickup-row", { hasText: "杭州云帆进出口有限公司" });
  await expect(row).toHaveCount(1);
  await expect(row.locator(".pickup-status")).toHaveText("已预约");
  await expect(row).toContainText("面包车");
  const day = (await row.locator("td").first().locator("div").first().textContent())!.trim();

  // Another day has none; the row's own day has it.
  await page.fill("#f-pickup-day", "2020-01-01");
  await page.locator("#f-pickup-day").dispatchEvent("change");
  await expect(page.locator(".empty-state")).toHaveText("没有符合条件的揽收计划");
  await page.fill("#f-pickup-day", day);
  await page.locator("#f-pickup-day").dispatchEvent("change");
  await expect(row).toHaveCount(1);
  await shot(page, "admin-pickups");

  // Cancelling asks for a reason; then the booked list no longer has it.
  await row.locator("button[type=submit]").click();
  await expect(row.locator('.field-error[data-field="reason_id"]')).toBeVisible();
  await row.locator("select[name=reason]").selectOption({ index: 1 });
  await row.locator("button[type=submit]").click();
  await expect(page.locator("tr.pickup-row", { hasText: "杭州云帆进出口有限公司" })).toHaveCount(0);
  await page.locator("select[name=pickup-status]").selectOption("cancelled");
  const cancelled = page.locator("tr.pickup-row", { hasText: "杭州云帆进出口有限公司" });
  await expect(cancelled.locator(".pickup-status")).toHaveText("已取消");
  await expect(cancelled.locator(".pickup-reason")).not.toBeEmpty();
});
