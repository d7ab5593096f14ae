import { test, expect, hydrated, setAgentStatus, shot, staffDesktop } from "../support";
import { memberSignIn } from "./sign_in";

// Order cards in chat (named to run after login.spec, which wants 杨帆's
// code without a cooldown): 杨帆 (the demo's customer with orders) sends one of
// their orders from 📦 beside the composer; the card shows its status and
// leads to their order's page; the agent (cs1) sees the same card, which
// leads to the admin order page. Ops confirm it and both cards change at
// once. The conversation is resolved at the end so
// the next chat spec is routed as on a fresh demo.
const PHONE = "13800138006";



test("a customer sends one of their orders as a card and the agent sees it with its status", async ({ page, browser, guard }) => {
  test.setTimeout(150_000);
  const cs2 = await staffDesktop(browser, "cs2");
  await setAgentStatus(cs2, "busy");
  const cs1 = await staffDesktop(browser, "cs1");
  let id = "";
  try {
    await setAgentStatus(cs1, "online");
    await memberSignIn(page, guard, "h5", PHONE);
    await page.goto("/h5/chat");
    await hydrated(page);
    await page.locator("button.chat-role", { hasText: "售前咨询" }).click();
    await page.waitForURL(/\/h5\/chat\?c=\d+$/);
    id = new URL(page.url()).searchParams.get("c")!;

    // Their orders, newest first; the pending one is sent.
    await page.click("button.chat-pick-order");
    const picker = page.locator(".chat-order-picker");
    await expect(picker).toBeVisible();
    await shot(page, "h5-chat-order-picker");
    const pending = picker.locator(".chat-order").filter({ hasText: "待处理" }).first();
    await expect(pending).toBeVisible();
    await pending.locator("button.send-order").click();
    await expect(picker).toHaveCount(0);

    const card = page.locator(".chat-pane .order-card[data-number]");
    await expect(card).toHaveCount(1);
    await expect(card).toContainText("待处理");
    await expect(card.locator(".order-view")).toHaveAttribute("href", /^\/h5\/orders\/\d+$/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await shot(page, "h5-chat-order-card");

    // The agent opens the conversation: the same card, to the admin page.
    await cs1.goto(`/admin/chat?c=${id}`);
    await hydrated(cs1);
    const theirs = cs1.locator(".chat-pane .order-card[data-number]");
    await expect(theirs).toHaveCount(1);
    await expect(theirs).toContainText("待处理");
    await expect(theirs.locator(".order-view")).toHaveAttribute("href", /^\/admin\/orders\/\d+$/);
    await shot(cs1, "admin-chat-order-card");

    // Ops confirm it: both cards say 已确认 without a reload, well within
    // the 30 s re-read (the socket's order_changed).
    const number = await theirs.getAttribute("data-number");
    const ops = await staffDesktop(browser, "ops1");
    const found = await (await ops.request.post("/api/find_order", { data: { number } })).json();
    const confirmed = await ops.request.post("/api/confirm_order", { data: { id: found.id, version: found.version } });
    expect(confirmed.status(), await confirmed.text()).toBe(200);
    await expect(card).toContainText("已确认", { timeout: 10_000 });
    await expect(theirs).toContainText("已确认", { timeout: 10_000 });
    await ops.context().close();
  } finally {
    if (id) await cs1.request.post("/api/chat_resolve", { data: { conversation_id: Number(id) } });
    await setAgentStatus(cs2, "online");
    await Promise.all([cs1, cs2].map((p) => p.context().close()));
  }
});
