import { test, expect, hydrated, shot, staffLogin } from "../support";

// 快捷下单: sales1 books for a contact of their own customer (深圳市海通,
// SZ10001) from a quote saved for that company; the order records them
// both and is marked quick; it is counted in their 快捷下单列表, and they
// cancel it while it waits.
const SEARCH = {
  country: "US",
  fba_code: "ONT8",
  origin: "深圳",
  cargo: { by: "cartons", lines: [{ count: 5, length_cm: 50, width_cm: 40, height_cm: 30, weight_kg: 22 }] },
};

test.use({ viewport: { width: 1366, height: 800 } });

test("a salesperson books a quick order for their customer's contact from a saved quote", async ({ page }) => {
  await staffLogin(page, "sales1");
  const companies = await (await page.request.post("/api/list_companies", { data: { filter: { q: "SZ10001" } } })).json();
  const company = companies.items[0];
  expect(company.name).toBe("深圳市海通跨境电商有限公司");
  const found = await (await page.request.post("/api/search_quotes", { data: { search: SEARCH, company_id: company.id } })).json();
  const plan = found.plans.find((p: any) => p.channel.mode === "sea_express") ?? found.plans[0];
  const saved = await page.request.post("/api/save_quote", {
    data: { input: { search: SEARCH, channel_id: plan.channel.id, company_id: company.id } },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const quote = await saved.json();

  await page.goto(`/admin/quotes/${quote.number}`);
  await hydrated(page);
  await page.click("a.quick-order");
  await page.waitForURL(new RegExp(`/admin/quotes/${quote.number}/book$`));
  await hydrated(page);
  await expect(page.locator(".quick-company")).toHaveText(company.name);

  // Nobody picked: refused at the picker, nothing booked.
  await page.fill("#q-shipper-address", "深圳市宝安区福永街道 1 号");
  await page.fill("#q-consignee-shipment_id", "FBA17QUICK01");
  await page.fill("#q-goods-0-name_zh", "蓝牙耳机");
  await page.fill("#q-goods-0-name_en", "Bluetooth earphones");
  await page.fill("#q-goods-0-hs_code", "85183000");
  await page.fill("#q-goods-0-material", "塑料");
  await page.fill("#q-goods-0-declared_value_usd", "800");
  await page.fill("#q-goods-0-quantity", "200");
  await page.click("button.submit-booking");
  await expect(page.locator("[data-field='member_id']")).toHaveText("必填");

  // 李娜 picked: she is the shipper, and the order is booked for her.
  await page.locator("select[name=member]").selectOption({ label: "李娜 13800138002" });
  await expect(page.locator("#q-shipper-name")).toHaveValue("李娜");
  await expect(page.locator("#q-shipper-phone")).toHaveValue("13800138002");
  await shot(page, "admin-quick-order");
  await page.click("button.submit-booking");
  await page.waitForURL(/\/admin\/orders\/\d+$/);
  await hydrated(page);
  await expect(page.locator(".quick-badge")).toBeVisible();
  await expect(page.locator(".order-header .company")).toHaveText(company.name);
  await expect(page.locator(".order-header .booked-by")).toContainText("销售王磊");
  await expect(page.locator(".order-header .status-badge")).toHaveText("待处理");
  const orderUrl = page.url();

  // 快捷下单列表: counted pending, listed; the order is theirs to cancel.
  await page.goto("/admin/quick-orders");
  await hydrated(page);
  await expect(page.locator("h1")).toHaveText("快捷下单列表");
  await expect(page.locator(".quick-summary")).toHaveText(/^待处理 [1-9]\d* 单 · 已处理 \d+ 单$/);
  const pending = Number((await page.locator(".quick-summary").textContent())!.match(/待处理 (\d+)/)![1]);
  await expect(page.locator("input.quick-only")).toBeHidden();
  await expect(page.locator(".order-row .quick-badge").first()).toBeVisible();
  await shot(page, "admin-quick-orders");
  await page.goto(orderUrl);
  await hydrated(page);
  await page.locator('button.order-action[data-to="cancelled"]').click();
  await page.fill(".reason-form textarea[name=reason], .reason-form input[name=reason]", "客户改期");
  page.once("dialog", (d) => d.accept());
  await page.locator(".reason-form button[type=submit]").click();
  await expect(page.locator(".order-header .status-badge")).toHaveText("已取消");
  await expect(page.locator('button.order-action[data-to="cancelled"]')).toHaveCount(0);
  await page.goto("/admin/quick-orders");
  await hydrated(page);
  await expect(page.locator(".quick-summary")).toContainText(`待处理 ${pending - 1} 单`);
});
