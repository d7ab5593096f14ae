import { Page } from "@playwright/test";
import { test, expect, hydrated, shot, staffLogin } from "../support";
import { memberSignIn } from "../h5/sign_in";

// A member of the first demo company, signed in only through memberSignIn
// elsewhere (so a code cooldown is waited out, never a failure).
const MEMBER = "13800138002";

const search = {
  country: "US",
  fba_code: "ONT8",
  origin: "深圳",
  cargo: { by: "cartons", lines: [{ count: 5, length_cm: 50, width_cm: 40, height_cm: 30, weight_kg: 22 }] },
};

async function call(page: Page, endpoint: string, data: object) {
  const r = await page.request.post(`/api/${endpoint}`, { data });
  expect(r.status(), `${endpoint}: ${await r.text()}`).toBe(200);
  return r.json();
}

/** A member saves a quote and books a pre-order from it, through the API. */
async function book(page: Page): Promise<{ id: number; number: string }> {
  const answer = await call(page, "search_quotes", { search });
  // A plan charged by the kg, so heavier cartons cost more.
  const plan = answer.plans.find((p: { chargeable: { unit: string } }) => p.chargeable.unit === "kg");
  expect(plan, "a plan charged by weight").toBeTruthy();
  const quote = await call(page, "save_quote", { input: { search, channel_id: plan.channel.id } });
  const order = await call(page, "book_order", {
    input: {
      quote_number: quote.number,
      client_key: `e2e-admin-${Date.now()}`,
      shipper: { name: "李娜", phone: "13800138002", address: "深圳市宝安区福永街道 1 号" },
      consignee: { kind: "fba", fba_code: "ONT8", shipment_id: "FBA17E2E0001" },
      cartons: search.cargo.lines,
      goods: [
        {
          name_zh: "蓝牙耳机",
          name_en: "Bluetooth earphones",
          hs_code: "85183000",
          material: "塑料",
          declared_value_usd: 500,
          quantity: 100,
        },
      ],
      remarks: "易碎，轻放",
    },
  });
  expect(order.status).toBe("booked");
  return order;
}

test.use({ viewport: { width: 1280, height: 800 } });

test("ops see a new pre-order pending, refuse a reject without a reason, confirm it, receive heavier cartons and see the adjustment", async ({
  page,
  browser,
  guard,
}) => {
  test.setTimeout(180_000);
  guard.allow(/status of 409 .*\/api\/move_order$/);

  const ctx = await browser.newContext({ locale: "zh-CN" });
  const member = await ctx.newPage();
  await memberSignIn(member, guard, "h5", MEMBER);
  const order = await book(member);
  await ctx.close();

  // The list: the menu has 订单, the order waits under 待处理.
  await staffLogin(page, "ops1");
  await expect(page.locator("nav.admin-menu")).toContainText("订单");
  await page.click("nav.admin-menu a[href='/admin/orders']");
  await page.waitForURL(/\/admin\/orders$/);
  await hydrated(page);
  const pending = page.locator('.count-tab[data-status="booked"]');
  await expect(page.locator(".count-tab").nth(1)).toHaveAttribute("data-status", "booked");
  expect(Number(await pending.getAttribute("data-count"))).toBeGreaterThan(0);
  await pending.click();
  await expect(pending).toHaveAttribute("aria-selected", "true");
  const row = page.locator(`tr.order-row[data-number="${order.number}"]`);
  await expect(row.locator(".status-badge")).toHaveText("待处理");
  const badges = await page.locator("tr.order-row .status-badge").allTextContents();
  expect(new Set(badges)).toEqual(new Set(["待处理"]));

  // The number search finds it alone; an empty search says so.
  await page.fill(".order-filters input[name=q]", order.number);
  await page.click(".order-filters button[type=submit]");
  await expect(page.locator("tr.order-row")).toHaveCount(1);
  await shot(page, "admin-orders");
  await page.fill(".order-filters input[name=q]", "P19990101-9999");
  await page.click(".order-filters button[type=submit]");
  await expect(page.locator(".empty-state")).toHaveText("没有符合条件的订单");
  // A range ending before it starts is refused on its field.
  await page.fill(".order-filters input[name=from]", "2026-12-05");
  await page.fill(".order-filters input[name=to]", "2026-12-01");
  await page.click(".order-filters button[type=submit]");
  await expect(page.locator('.order-filters .field-error[data-field="to"]')).toHaveText("开始日期不能晚于结束日期");

  // The detail.
  await page.goto(`/admin/orders/${order.id}`);
  await hydrated(page);
  const detail = page.locator("article.order-detail");
  await expect(detail.locator(".order-header .status-badge")).toHaveText("待处理");
  await expect(detail.locator(".consignee")).toContainText("FBA17E2E0001");
  await expect(detail.locator(".goods-table")).toContainText("蓝牙耳机");
  await expect(detail.locator(".price-cost")).toContainText("¥");
  await expect(detail.locator(".not-measured")).toBeVisible();

  // 拒绝 without a reason: the error is on the reason's field, nothing is sent.
  await detail.locator('button.order-action[data-to="rejected"]').click();
  await detail.locator(".reason-form button[type=submit]").click();
  await expect(detail.locator('.reason-form .field-error[data-field="note"]')).toHaveText("请填写原因");
  await expect(detail.locator(".order-header .status-badge")).toHaveText("待处理");
  await shot(page, "admin-order-pending");

  // 确认: an order number, and the moves of a confirmed order.
  await detail.locator('button.order-action[data-to="confirmed"]').click();
  await expect(page.locator(".order-updated")).toBeVisible();
  await expect(detail.locator(".order-header .status-badge")).toHaveText("已确认");
  await expect(detail.locator(".order-header .order-number")).toHaveText(/^O\d{8}-\d{4}$/);
  await expect(detail.locator('button.order-action[data-to="rejected"]')).toHaveCount(0);

  // 入仓 with heavier cartons: 5 × 50×40×30 at 30 kg instead of 22.
  await detail.locator('button.order-action[data-to="received"]').click();
  const form = detail.locator(".receive-form");
  await expect(form.locator('input[name="cartons[0].count"]')).toHaveValue("5");
  await expect(form.locator('input[name="cartons[0].weight_kg"]')).toHaveValue("22");
  await form.locator('input[name="cartons[0].weight_kg"]').fill("0");
  await form.locator("button[type=submit]").click();
  await expect(form.locator('.field-error[data-field="cartons[0].weight_kg"]')).toBeVisible();
  await form.locator('input[name="cartons[0].weight_kg"]').fill("30");
  await form.locator("button[type=submit]").click();
  await expect(detail.locator(".order-header .status-badge")).toHaveText("已入仓");
  const table = detail.locator(".adjustment-table");
  await expect(table).toBeVisible();
  expect(Number(await table.getAttribute("data-difference"))).toBeGreaterThan(0);
  await expect(table.locator(".adjustment-chargeable .quoted")).toHaveText("110 kg");
  await expect(table.locator(".adjustment-chargeable .actual")).toHaveText("150 kg");
  await expect(table.locator(".adjustment-total .difference")).toHaveText(/^\+¥[\d,]+\.\d\d$/);
  await expect(detail.locator(".header-actual")).toBeVisible();
  await expect(detail.locator('.timeline-event[data-to="received"]')).toContainText("运营赵强");

  // A tracking number, its carrier detected from the number.
  await detail.locator("#f-parcel_number").fill("SF1234567890123");
  await detail.locator("button.add-parcel").click();
  await expect(detail.locator('.parcel[data-number="SF1234567890123"] .parcel-carrier')).toHaveText("顺丰速运");

  await shot(page, "admin-order-zh");

  // Someone else moves it first: the page says so and shows the new status.
  const now = await call(page, "get_order", { id: order.id });
  await call(page, "move_order", { input: { id: order.id, to: "departed", version: now.version } });
  await detail.locator('button.order-action[data-to="departed"]').click();
  await expect(page.locator(".order-changed")).toContainText("订单已被他人更新");
  await expect(detail.locator(".order-header .status-badge")).toHaveText("已发运");

  // In English.
  await page.click("button.lang-switch");
  await expect(detail.locator(".order-header .status-badge")).toHaveText("Departed");
  await shot(page, "admin-order-en");
  await page.goto("/admin/orders");
  await hydrated(page);
  await expect(page.locator("h1")).toHaveText("Orders");
  await expect(page.locator(`tr.order-row[data-number="${order.number}"] .status-badge`)).toHaveText("Departed");
  await shot(page, "admin-orders-en");
  await page.click("button.lang-switch");
  await expect(page.locator("h1")).toHaveText("订单管理");
});

test("cs read an order without ops' actions", async ({ page }) => {
  await staffLogin(page, "cs1");
  await page.click("nav.admin-menu a[href='/admin/orders']");
  await page.waitForURL(/\/admin\/orders$/);
  await hydrated(page);
  const first = page.locator("tr.order-row a.order-link").first();
  await expect(first).toBeVisible();
  await first.click();
  await page.waitForURL(/\/admin\/orders\/\d+$/);
  await hydrated(page);
  await expect(page.locator(".order-actions .read-only")).toHaveText("只读：订单由运营处理。");
  await expect(page.locator("button.order-action")).toHaveCount(0);
  await expect(page.locator(".parcel-form")).toHaveCount(0);
});
