import { test, expect, hydrated, shot, staffLogin } from "../support";
import { memberSignIn } from "./sign_in";

const SEARCH = {
  country: "US", fba_code: "ONT8", origin: "深圳", goods_type: "general",
  cargo: { by: "cartons", lines: [{ count: 5, length_cm: 50, width_cm: 40, height_cm: 30, weight_kg: 22 }] },
};

// A customer on a 375 px phone books a pre-order from a saved quote and adds
// a courier number (the courier is detected); ops confirm it and receive it
// heavier than booked; the customer sees the adjustment and the chat line.
test("a customer books a saved quote, ops receive it heavier, the customer sees the adjustment and the chat line", async ({ page, browser, guard }) => {
  test.setTimeout(180_000);
  await memberSignIn(page, guard, "h5", "13800138003");
  const found = await (await page.request.post("/api/search_quotes", { data: { search: SEARCH } })).json();
  const plan = found.plans.find((p: any) => p.channel.mode === "sea_express") ?? found.plans[0];
  const saved = await (await page.request.post("/api/save_quote", { data: { input: { search: SEARCH, channel_id: plan.channel.id } } })).json();
  expect(saved.number).toMatch(/^Q\d{8}-\d{4}$/);

  // The saved quote's 下单 opens the booking form, the cartons filled in.
  await page.goto(`/h5/quotes/${saved.number}`);
  await hydrated(page);
  await page.click("a.book");
  await page.waitForURL(new RegExp(`/h5/quotes/${saved.number}/book$`));
  await hydrated(page);
  await expect(page.locator(".fba-code")).toHaveText("ONT8");
  await expect(page.locator("[id='q-cartons-0-weight_kg']")).toHaveValue("22");
  await page.fill("#q-shipper-name", "李娜");
  await page.fill("#q-shipper-phone", "13800138003");
  await page.fill("#q-shipper-address", "深圳市宝安区福永街道 88 号");
  await page.fill("#q-consignee-shipment_id", "FBA17XYZ1234");
  await page.fill("#q-goods-0-name_zh", "蓝牙耳机");
  await page.fill("#q-goods-0-name_en", "Bluetooth earphones");
  await page.fill("#q-goods-0-hs_code", "12");
  await page.fill("#q-goods-0-material", "塑料");
  await page.fill("#q-goods-0-declared_value_usd", "1200");
  await page.fill("#q-goods-0-quantity", "300");
  guard.allow(/status of 422 .*\/api\/book_order$/);
  await page.click("button.submit-booking");
  // A bad HS code is told at its field; nothing is booked.
  await expect(page.locator("[data-field='goods[0].hs_code']")).toContainText("海关编码");
  await shot(page, "h5-order-book-error");
  await page.fill("#q-goods-0-hs_code", "85183000");
  await page.click("button.submit-booking");
  await page.waitForURL(/\/h5\/orders\/\d+$/);
  await hydrated(page);
  const id = page.url().match(/orders\/(\d+)$/)![1];
  await expect(page.locator(".order-detail .status-badge")).toHaveText("待处理");
  const shown = (await page.locator(".order-total").textContent())!;
  expect(Math.round(Number(shown.replace(/[¥,]/g, "")) * 100)).toBe(saved.total_fen);

  // A courier number: the courier is detected from the number as typed.
  await page.fill("#q-number", "YT1234567890123");
  await expect(page.locator(".detected")).toContainText("圆通");
  await page.click("button.add-parcel");
  await expect(page.locator(".parcel .parcel-number")).toHaveText("YT1234567890123");
  await expect(page.locator(".parcel .parcel-carrier")).toContainText("圆通速递");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await shot(page, "h5-order-booked");

  // Ops confirm it and receive it at 30 kg a carton instead of 22.
  const desk = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
  const ops = await desk.newPage();
  await staffLogin(ops, "ops1");
  let order = await (await ops.request.post("/api/get_order", { data: { id: Number(id) } })).json();
  order = await (await ops.request.post("/api/confirm_order", { data: { id: order.id, version: order.version } })).json();
  expect(order.order_number).toMatch(/^O\d{8}-\d{4}$/);
  const receipt = { id: order.id, version: order.version, note: "实测超重", cartons: [{ count: 5, length_cm: 50, width_cm: 40, height_cm: 30, weight_kg: 30 }] };
  const received = await ops.request.post("/api/receive_order", { data: { input: receipt } });
  expect(received.status()).toBe(200);
  expect((await received.json()).measured.adjustment.difference_fen).toBeGreaterThan(0);
  await desk.close();

  // The customer sees the adjustment line by line, and the chat line.
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".order-detail .status-badge")).toHaveText("已入仓");
  await expect(page.locator(".adjustment .difference")).toHaveText(/^\+¥/);
  await expect(page.locator(".adjustment tbody tr").first()).toContainText("运费");
  await expect(page.locator(".timeline .event").last()).toContainText("实测超重");
  await shot(page, "h5-order-adjusted");
  await page.goto("/h5/orders");
  await hydrated(page);
  await expect(page.locator(".order-row").first()).toContainText(order.order_number);
  // 导出 CSV: the download, and the export's progress up to 导出完成.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("a.export-csv")]);
  expect(download.suggestedFilename()).toBe("订单导出.csv");
  const progress = page.locator(".export-progress");
  await expect(progress).toHaveAttribute("data-state", "finished");
  await expect(progress).toContainText(/^导出完成：\d+ 行，文件已开始下载。/);
  await expect(page.locator("a.export-xlsx")).toHaveAttribute("aria-disabled", "false");
  await page.goto("/h5/chat");
  await hydrated(page);
  // The notice went into their latest open conversation (or a new one at
  // after-sales): it leads the list, and opening it shows the line.
  const latest = page.locator(".chat-history li").first();
  await expect(latest).toContainText(`订单 ${order.number} 已入仓`);
  await latest.locator(".chat-mine").click();
  await expect(page.locator(".chat-pane").getByText(new RegExp(`订单 ${order.number} 已入仓`))).toBeVisible();
  await shot(page, "h5-order-chat");
});
