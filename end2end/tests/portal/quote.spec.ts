import { test, expect, hydrated, shot, staffLogin } from "../support";
import { memberSignIn } from "../h5/sign_in";

async function fillShipment(page: import("@playwright/test").Page) {
  await page.selectOption("#q-country", "US");
  await page.fill("#q-fba_code", "ONT8");
  await page.selectOption("#q-origin", "深圳");
  await page.fill("#q-cargo-lines-0-count", "5");
  await page.fill("#q-cargo-lines-0-length_cm", "50");
  await page.fill("#q-cargo-lines-0-width_cm", "40");
  await page.fill("#q-cargo-lines-0-height_cm", "30");
  await page.fill("#q-cargo-lines-0-weight_kg", "22");
}

test("a direct customer quotes on the desktop portal and saves the quote", async ({ page, guard }) => {
  test.setTimeout(120_000);
  await memberSignIn(page, guard, "portal", "13800138005");
  await page.click(".portal-nav a.nav-quote");
  await page.waitForURL(/\/portal\/quote$/);
  await expect(page.locator(".plans-hint")).toBeVisible();
  await fillShipment(page);
  await page.click("button.search-quotes");
  const plans = page.locator("li.plan");
  await expect(plans.first()).toBeVisible();
  await expect(plans.first().locator(".mark-cheapest")).toBeVisible();
  await expect(page.locator(".mark-fastest")).toHaveCount(1);
  // Customers do not see table versions.
  await plans.first().locator(".plan-head").click();
  await expect(plans.first().locator(".chargeable")).toContainText("计费");
  await expect(page.locator(".table-version")).toHaveCount(0);
  await shot(page, "portal-quote");

  await page.click("button.save-quote");
  const number = page.locator(".saved-number");
  await expect(number).toHaveText(/^Q\d{8}-\d{4}$/);
  const n = (await number.textContent())!;
  await page.click(".portal-nav a.nav-quotes");
  await page.waitForURL(/\/portal\/quotes$/);
  await expect(page.locator(".quote-row .quote-number").first()).toHaveText(n);
  await shot(page, "portal-quotes");
  await page.locator(".quote-row a").first().click();
  await page.waitForURL(new RegExp(`/portal/quotes/${n}$`));
  await expect(page.locator(".saved-quote .quote-number")).toHaveText(n);
  await shot(page, "portal-saved-quote");
});

test("a salesperson quotes in admin for one of their customers and sees the table version", async ({ page }) => {
  await staffLogin(page, "sales1");
  await page.click(".admin-menu a[href='/admin/quote']");
  await page.waitForURL(/\/admin\/quote$/);
  await hydrated(page);
  await fillShipment(page);
  await page.click("button.search-quotes");
  const plans = page.locator("li.plan");
  await expect(plans.first()).toBeVisible();
  await plans.first().locator(".plan-head").click();
  await expect(plans.first().locator(".table-version")).toContainText(/价格表 v\d+/);
  const pick = page.locator("select.company-pick");
  await expect(pick.locator("option").nth(1)).toBeAttached();
  const company = (await pick.locator("option").nth(1).textContent())!;
  await pick.selectOption({ index: 1 });
  await shot(page, "admin-quote");
  await page.click("button.save-quote");
  const number = page.locator(".saved-number");
  await expect(number).toHaveText(/^Q\d{8}-\d{4}$/);
  await number.click();
  await page.waitForURL(/\/admin\/quotes\/Q\d{8}-\d{4}$/);
  await expect(page.locator(".saved-quote")).toContainText(company.split(" ")[0]);
  await shot(page, "admin-saved-quote");
  await page.goto("/admin/quotes");
  await hydrated(page);
  await expect(page.locator(".quote-row").first()).toContainText(company.split(" ")[0]);
  await shot(page, "admin-quotes");
});
