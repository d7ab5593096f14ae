import { Page } from "@playwright/test";
import { test, expect, hydrated, shot, staffLogin } from "../support";
import { xlsx } from "./xlsx";

// The demo assigns two of 杨帆's orders to provider1 (服务商孙杰): one
// confirmed, one departed. The provider uploads their transfer numbers.
const HEAD = ["订单号", "箱号", "承运商", "转单号"];

type Row = { id: number; order_number: string; status: string; company_name: string };

/** The orders the signed-in staff member may read (the first 100). */
async function orders(page: Page, filter: object = {}): Promise<Row[]> {
  const r = await page.request.post("/api/list_orders", { data: { filter, size: 100 } });
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()).items;
}

test.use({ viewport: { width: 1280, height: 800 } });

test("a provider uploads transfer numbers for their orders: bad rows are named, a good sheet is previewed and imported", async ({
  page,
  guard,
}) => {
  guard.allow(/status of 422 .*\/api\/preview_transfers$/);
  await staffLogin(page, "provider1");
  const menu = page.locator("nav.admin-menu");
  await expect(menu.locator("a[href='/admin/orders']")).toBeVisible();
  await expect(menu.locator("a[href='/admin/customers']")).toHaveCount(0);

  // Only the orders assigned to them.
  const mine = await orders(page);
  expect(mine.map((o) => o.status).sort()).toEqual(["confirmed", "departed"]);
  const order = mine.find((o) => o.status === "confirmed")!;

  await menu.locator("a[href='/admin/transfers']").click();
  await page.waitForURL(/\/admin\/transfers$/);
  await hydrated(page);
  await expect(page.locator("h1")).toHaveText("上传转单号");
  const template = await page.request.get("/orders/transfers/template.xlsx");
  expect(template.status()).toBe(200);
  expect(template.headers()["content-type"]).toContain("spreadsheetml");

  // Every bad row at its row and column; nothing to import.
  const bad = xlsx([
    HEAD,
    ["O19990101-0001", "1", "UPS", "1Z999AA10123456784"],
    [order.order_number, "a-b", "UPS", "1Z999AA10123456784"],
    [order.order_number, "9", "UPS", "1Z999AA10123456785"],
  ]);
  await page.setInputFiles('input[name="transfer_file"]', { name: "bad.xlsx", mimeType: "application/octet-stream", buffer: bad });
  const errors = page.locator(".transfer-errors li");
  await expect(errors.first()).toBeVisible();
  await expect(page.locator('.transfer-error[data-row="2"][data-column="A"]')).toContainText("第 2 行 A 列：没有这个订单号");
  await expect(page.locator('.transfer-error[data-row="3"][data-column="B"]')).toContainText("箱号应为 3 或 1-5 这样的格式");
  await expect(page.locator('.transfer-error[data-row="4"][data-column="B"]')).toContainText("箱号超出订单的箱数");
  await expect(page.locator("button.apply-transfers")).toHaveCount(0);
  await shot(page, "admin-transfers-errors");

  // A good sheet: previewed, then imported.
  const good = xlsx([
    HEAD,
    [order.order_number, "1-3", "", "1Z999AA10123456784"],
    [order.order_number, "4-5", "FedEx", "449044304137821"],
  ]);
  await page.setInputFiles('input[name="transfer_file"]', { name: "good.xlsx", mimeType: "application/octet-stream", buffer: good });
  const rows = page.locator(".transfer-preview tr.transfer-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("UPS");
  await expect(page.locator(".transfer-summary")).toHaveText("1 个订单，2 个转单号");
  await shot(page, "admin-transfers-preview");
  await page.click("button.apply-transfers");
  await expect(page.locator(".notice")).toHaveText("已导入：1 个订单，2 个转单号");
  await expect(page.locator(".transfer-preview")).toHaveCount(0);

  // The order shows them, with who uploaded them.
  await page.goto(`/admin/orders/${order.id}`);
  await hydrated(page);
  const list = page.locator(".transfers li.transfer");
  await expect(list).toHaveCount(2);
  await expect(page.locator('.transfer[data-number="1Z999AA10123456784"]')).toContainText("服务商孙杰");
  await expect(page.locator(".provider-name")).toHaveText("服务商孙杰");
  // A provider assigns nothing.
  await expect(page.locator(".assign-provider")).toHaveCount(0);
  // Each number's courier state, and on request its events (no tracking
  // provider is configured here: it says it shows what was pushed).
  const ups = page.locator('.transfer[data-number="1Z999AA10123456784"]');
  await expect(ups.locator(".track-badge")).toHaveText("暂无轨迹");
  await ups.locator("button.show-track").click();
  await expect(ups.locator(".track-events .track-not-live")).toBeVisible();
});

test("ops assign an order to a provider from its page and see it said", async ({ page }) => {
  await staffLogin(page, "ops1");
  const received = await orders(page, { status: "received" });
  const booked = received.find((o) => o.status === "received" && o.company_name === "杭州云帆进出口有限公司");
  expect(booked, "the demo's received order").toBeTruthy();
  await page.goto(`/admin/orders/${booked!.id}`);
  await hydrated(page);
  const panel = page.locator(".transfers");
  await expect(panel.locator(".provider-name")).toHaveText("未分配");
  await expect(panel.locator("button.assign")).toBeDisabled();
  await panel.locator("select[name=provider]").selectOption({ label: "服务商孙杰" });
  await panel.locator("button.assign").click();
  await expect(page.locator(".order-updated")).toBeVisible();
  await expect(panel.locator(".provider-name")).toHaveText("服务商孙杰");
  await expect(page.locator(".transfers .upload-transfers")).toHaveAttribute("href", "/admin/transfers");
});
