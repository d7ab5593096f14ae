import { test, expect, hydrated, memberLogin, shot, staffLogin } from "../support";

// A customer on a 375 px phone and an agent at a desktop console, in two
// browser contexts talking over real WebSockets to one server.
test("a customer's message reaches the agent live; the reply and the read mark come back", async ({ page, browser }) => {
  const desk = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
  const agent = await desk.newPage();
  await staffLogin(agent, "cs1");
  await agent.goto("/admin/chat");
  await hydrated(agent);
  await expect(agent.locator(".chat-console")).toBeVisible();

  await memberLogin(page, "h5", "13800138004");
  await page.click("a.open-chat");
  await page.waitForURL(/\/h5\/chat$/);
  await hydrated(page);
  await shot(page, "h5-chat-roles");
  await page.locator("button.chat-role", { hasText: "售前咨询" }).click();
  await expect(page.locator(".chat-empty")).toBeVisible();
  await page.fill(".chat-input", "你好，深圳到美西 FBA 多少钱一公斤？");
  await page.click("button.chat-send");
  const mine = page.locator(".msg .msg-body", { hasText: "美西 FBA" });
  await expect(mine).toBeVisible();

  // The agent's list gains the conversation live (no reload), with an unread badge.
  const item = agent.locator(".chat-item", { hasText: "刘洋" });
  await expect(item).toBeVisible();
  await expect(item.locator(".unread-badge")).toHaveText("1");
  await item.click();
  await expect(agent.locator(".msg .msg-body", { hasText: "美西 FBA" })).toBeVisible();
  await expect(agent.locator(".side-phone")).toHaveText("138****8004");

  // An image: uploaded, sent, shown as a thumbnail on both sides.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAHUlEQVR4nGNkYPjPQApgIkn1qIZRDaMaRjUMHQ0AZw8BH4VsZDUAAAAASUVORK5CYII=",
    "base64",
  );
  await page.setInputFiles(".chat-attach input", { name: "装箱单.png", mimeType: "image/png", buffer: png });
  await expect(page.locator(".msg img.msg-image")).toBeVisible();
  await expect(agent.locator(".msg img.msg-image")).toBeVisible();
  const loaded = await agent.locator(".msg img.msg-image").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  expect(loaded).toBe(true);

  // Opening it marks it read: the customer sees 已读 under their message.
  await expect(page.locator(".msg-read").last()).toHaveText("已读");

  await agent.fill(".chat-input", "您好，美西普船 12 元/公斤，时效 25–30 天。");
  await agent.keyboard.press("Enter");
  await expect(page.locator(".msg .msg-body", { hasText: "12 元/公斤" })).toBeVisible();
  await shot(agent, "admin-chat-console");

  // A staff-only note never reaches the customer.
  await agent.check(".chat-note-toggle input");
  await agent.fill(".chat-input", "老客户，可申请补贴券");
  await agent.click("button.chat-send");
  await expect(agent.locator(".msg", { hasText: "老客户" })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.locator(".msg", { hasText: "老客户" })).toHaveCount(0);

  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await shot(page, "h5-chat");
  await desk.close();
});
