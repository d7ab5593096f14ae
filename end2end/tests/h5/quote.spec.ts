import { test, expect, hydrated, shot } from "../support";
import { memberSignIn } from "./sign_in";

const INQUIRY = "300kg 2方 深圳到美国FBA ONT8 海派 带电";

function fen(text: string | null): number {
  return Math.round(Number(text!.replace(/[¥,]/g, "")) * 100);
}

test("a customer on a phone pastes an inquiry, corrects a field, quotes, saves and finds the quote", async ({ page, guard }) => {
  test.setTimeout(120_000);
  await memberSignIn(page, guard, "h5", "13800138001");
  // The home page, with the tab bar on it and 首页 current.
  await expect(page.locator("nav.tab-bar a.tab")).toHaveText(["首页", "查价", "订单", "消息", "我的"]);
  await expect(page.locator("nav.tab-bar .tab-home")).toHaveAttribute("aria-current", "page");
  await shot(page, "h5-home");

  await page.click("nav.tab-bar .tab-quote");
  await page.waitForURL(/\/h5\/quote$/);
  await expect(page.locator("nav.tab-bar .tab-quote")).toHaveAttribute("aria-current", "page");
  await page.fill("#q-text", INQUIRY);
  await page.click("button.read-inquiry");

  // The fields read from the text fill the form, each marked.
  await expect(page.locator("#q-fba_code")).toHaveValue("ONT8");
  await expect(page.locator("#q-country")).toHaveValue("US");
  await expect(page.locator("#q-origin")).toHaveValue("深圳");
  await expect(page.locator("#q-mode")).toHaveValue("sea_express");
  await expect(page.locator("#q-goods_type")).toHaveValue("battery");
  await expect(page.locator("#q-cargo-weight_kg")).toHaveValue("300");
  await expect(page.locator("#q-cargo-volume_cbm")).toHaveValue("2");
  await expect(page.locator("[data-mark=fba_code]")).toContainText("识别");
  await shot(page, "h5-quote-parsed");

  // The customer corrects the weight: its mark goes.
  await page.fill("#q-cargo-weight_kg", "320");
  await expect(page.locator("[data-mark=weight_kg]")).toHaveCount(0);
  await expect(page.locator("[data-mark=volume_cbm]")).toHaveCount(1);
  await page.click("button.search-quotes");

  const plans = page.locator("li.plan");
  await expect(plans.first()).toBeVisible();
  const count = await plans.count();
  expect(count).toBeGreaterThan(1);
  // Cheapest first, marked; one fastest.
  await expect(plans.first().locator(".mark-cheapest")).toHaveText("最便宜");
  await expect(page.locator(".mark-cheapest")).toHaveCount(1);
  await expect(page.locator(".mark-fastest")).toHaveCount(1);
  const totals = (await page.locator("li.plan .plan-total").allTextContents()).map(fen);
  expect(totals).toEqual([...totals].sort((a, b) => a - b));
  // The sticky bar shows the selected (first) plan's total.
  await expect(page.locator(".save-bar .selected-total")).toHaveText((await plans.first().locator(".plan-total").textContent())!);

  // A tap opens the details: the chargeable weight and every line with why.
  await plans.nth(1).locator(".plan-head").click();
  const open = plans.nth(1);
  await expect(open.locator(".chargeable")).toContainText("计费");
  await expect(open.locator(".chargeable")).toContainText("÷");
  await expect(open.locator(".price-line").first()).toContainText("运费");
  await expect(open.locator(".validity")).toContainText("价格有效至");
  await expect(page.locator(".save-bar .selected-total")).toHaveText((await open.locator(".plan-total").textContent())!);

  // Why not the others: each other channel with its reasons.
  await page.click("button.why-others");
  await expect(page.locator(".miss").first()).toBeVisible();
  await expect(page.locator(".miss .miss-reasons").first()).not.toBeEmpty();

  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await shot(page, "h5-quote-plans");

  await page.click("button.save-quote");
  const number = page.locator(".save-bar .saved-number");
  await expect(number).toHaveText(/^Q\d{8}-\d{4}$/);
  const n = (await number.textContent())!;
  // 自定制下单: book the plan just saved, from the bar.
  await expect(page.locator(".save-bar a.book-saved")).toHaveAttribute("href", `/h5/quotes/${n}/book`);
  await shot(page, "h5-quote-saved");

  await number.click();
  await page.waitForURL(new RegExp(`/h5/quotes/${n}$`));
  await expect(page.locator(".saved-quote .quote-number")).toHaveText(n);
  await expect(page.locator(".saved-quote .price-line").first()).toBeVisible();
  await expect(page.locator("a.book")).toHaveAttribute("href", `/h5/quotes/${n}/book`);
  await shot(page, "h5-saved-quote");

  // Under my quotes, newest first, and found by its number.
  await page.goto("/h5/quotes");
  await hydrated(page);
  await expect(page.locator(".quote-row .quote-number").first()).toHaveText(n);
  await page.fill(".quotes-search", n);
  await page.click(".quote-list form button[type=submit]");
  await expect(page.locator(".quote-row .quote-number")).toHaveText([n]);
  await shot(page, "h5-quotes");

  // The home page lists it among the latest; 订单 opens the orders list.
  await page.click("nav.tab-bar .tab-home");
  await expect(page.locator(".recent-quotes .quote-number").first()).toHaveText(n);
  await page.click("nav.tab-bar .tab-orders");
  await page.waitForURL(/\/h5\/orders$/);
  await expect(page.locator(".order-list .status-chip[data-status=all]")).toBeVisible();
  await shot(page, "h5-orders");
});

test("bad cargo and an unknown FBA code are refused next to their fields", async ({ page, guard }) => {
  test.setTimeout(120_000);
  guard.allow(/status of 422 .*\/api\/search_quotes$/);
  await memberSignIn(page, guard, "h5", "13800138002");
  await page.goto("/h5/quote");
  await hydrated(page);
  await page.selectOption("#q-country", "US");
  await page.fill("#q-fba_code", "ONT8");
  await page.fill("#q-cargo-lines-0-count", "2");
  await page.fill("#q-cargo-lines-0-length_cm", "50");
  await page.fill("#q-cargo-lines-0-width_cm", "40");
  await page.fill("#q-cargo-lines-0-height_cm", "30");
  await page.fill("#q-cargo-lines-0-weight_kg", "0");
  await page.click("button.search-quotes");
  await expect(page.locator('[data-field="cargo.lines[0].weight_kg"]')).toHaveText("须大于 0");
  await expect(page.locator("#q-cargo-lines-0-weight_kg")).toHaveAttribute("aria-invalid", "true");

  // Not a number at all: said before asking the server.
  await page.fill("#q-cargo-lines-0-weight_kg", "abc");
  await page.click("button.search-quotes");
  await expect(page.locator('[data-field="cargo.lines[0].weight_kg"]')).toHaveText("请输入数字");

  await page.fill("#q-cargo-lines-0-weight_kg", "22");
  await page.fill("#q-fba_code", "ZZZ9");
  await page.click("button.search-quotes");
  await expect(page.locator("[data-field=fba_code]")).toHaveText("没有渠道派送到这个 FBA 仓库");
  await expect(page.locator('[data-field="cargo.lines[0].weight_kg"]')).toHaveCount(0);
  await shot(page, "h5-quote-errors");

  await page.fill("#q-fba_code", "ONT8");
  await page.click("button.search-quotes");
  await expect(page.locator("li.plan").first()).toBeVisible();
  await expect(page.locator(".field-error")).toHaveCount(0);
});
