import { test, expect, hydrated, setAgentStatus, shot, staffDesktop } from "../support";
import type { Page } from "@playwright/test";
import { memberSignIn } from "./sign_in";

// Issue 11: an agent (cs1) quotes for the customer from the console's side
// panel and sends the quote as a card; the customer on a 375 px phone sees
// the card arrive live, opens it and finds the same total.

const suffix = () => Math.floor(Math.random() * 1e8).toString().padStart(8, "0");


/** A fresh company with one member (through the API, as admin); the member's phone. */
async function newCustomer(admin: Page): Promise<string> {
  const s = suffix();
  const made = await admin.request.post("/api/create_company", {
    data: { input: { name: `报价物流${s}`, code: `Q${s}`, owner_staff_id: null, contact_name: "孙丽", contact_phone: `137${s}`, address: "深圳市南山区" } },
  });
  expect(made.status()).toBe(200);
  const company = await made.json();
  const phone = `139${s}`;
  const added = await admin.request.post("/api/add_member", {
    data: { company_id: company.id, input: { name: "孙丽", phone } },
  });
  expect(added.status()).toBe(200);
  return phone;
}


test("an agent sends a quote card in chat and the customer sees it live", async ({ page, browser, guard }) => {
  test.setTimeout(150_000);
  const admin = await staffDesktop(browser, "admin");
  const phone = await newCustomer(admin);
  // cs2 steps away so the conversation is routed to cs1, whose console is open.
  const cs2 = await staffDesktop(browser, "cs2");
  await setAgentStatus(cs2, "busy");
  const cs1 = await staffDesktop(browser, "cs1");
  let id = "";
  try {
    await cs1.goto("/admin/chat");
    await hydrated(cs1);
    await setAgentStatus(cs1, "online");

    await memberSignIn(page, guard, "h5", phone);
    await page.goto("/h5/chat");
    await hydrated(page);
    await page.locator("button.chat-role", { hasText: "售前咨询" }).click();
    await page.waitForURL(/\/h5\/chat\?c=\d+$/);
    id = new URL(page.url()).searchParams.get("c")!;
    await expect(page.locator(".chat-serving")).toHaveText("客服小林为您服务");
    await page.fill(".chat-input", "300kg 2方 深圳到美国FBA ONT8 海派，多少钱？");
    await page.click("button.chat-send");
    await expect(page.locator(".msg .msg-body", { hasText: "多少钱" })).toBeVisible();

    // The agent opens the conversation and its 查价 tab.
    await cs1.goto(`/admin/chat?c=${id}`);
    await hydrated(cs1);
    await expect(cs1.locator(".msg .msg-body", { hasText: "多少钱" })).toBeVisible();
    await cs1.click(".side-tab-quote");
    const panel = cs1.locator(".chat-side .quote-tab");
    await expect(panel.locator(".company-quotes")).toContainText("该客户还没有保存的报价");
    await panel.locator("#q-text").fill("300kg 2方 深圳到美国FBA ONT8 海派");
    await panel.locator("button.read-inquiry").click();
    await expect(panel.locator("#q-fba_code")).toHaveValue("ONT8");
    await shot(cs1, "admin-chat-quote-form");
    await panel.locator("button.search-quotes").click();
    const plans = panel.locator("li.plan");
    await expect(plans.first()).toBeVisible();
    // The second plan, to show the pick is what is saved.
    await plans.nth(1).locator(".plan-head").click();
    const total = (await plans.nth(1).locator(".plan-total").textContent())!;
    await expect(panel.locator(".selected-total")).toHaveText(total);
    await shot(cs1, "admin-chat-quote-search");
    await panel.locator("button.save-send").click();
    await expect(panel.locator(".quote-sent")).toContainText(/Q\d{8}-\d{4}/);
    const number = (await panel.locator(".quote-sent .font-mono").textContent())!;

    // The card in the agent's pane renders the quote.
    const mine = cs1.locator(".chat-main .quote-card");
    await expect(mine).toHaveCount(1);
    await expect(mine.locator(".quote-number")).toHaveText(number);
    await expect(mine.locator(".quote-total")).toHaveText(total);
    await expect(mine.locator(".quote-view")).toHaveAttribute("href", `/admin/quotes/${number}`);
    await expect(mine.locator(".quote-book")).toHaveCount(0);
    // The saved quote is listed as the company's, sendable again.
    await expect(panel.locator(".company-quote")).toHaveCount(1);
    await expect(panel.locator(".company-quote .font-mono")).toHaveText(number);
    await shot(cs1, "admin-chat-quote-sent");

    // The customer sees it arrive without reloading.
    const card = page.locator(".chat-pane .quote-card");
    await expect(card).toHaveCount(1);
    await expect(card.locator(".quote-number")).toHaveText(number);
    await expect(card.locator(".quote-total")).toHaveText(total);
    await expect(card.locator(".quote-validity")).toContainText("价格有效至");
    await expect(card.locator(".quote-book")).toHaveAttribute("href", `/h5/quotes/${number}/book`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await shot(page, "h5-chat-quote-card");

    // Sending the saved one again from the list: a second card.
    await panel.locator(".company-quote .send-quote").click();
    await expect(page.locator(".chat-pane .quote-card")).toHaveCount(2);

    // The customer opens the card: the quote's page, the same total.
    await card.first().locator(".quote-view").click();
    await page.waitForURL(new RegExp(`/h5/quotes/${number}$`));
    await expect(page.locator(".saved-quote .quote-number")).toHaveText(number);
    await expect(page.locator(".saved-quote .quote-total")).toHaveText(total);

    // The same customer in the desktop portal: the cards lead to the portal's quote pages.
    const portal = await browser.newContext({
      viewport: { width: 1366, height: 800 }, locale: "zh-CN", storageState: await page.context().storageState(),
    });
    const desk = await portal.newPage();
    await desk.goto(`/portal/chat?c=${id}`);
    await hydrated(desk);
    const cards = desk.locator(".chat-pane .quote-card");
    await expect(cards).toHaveCount(2);
    await expect(cards.first().locator(".quote-total")).toHaveText(total);
    await expect(cards.first().locator(".quote-view")).toHaveAttribute("href", `/portal/quotes/${number}`);
    await shot(desk, "portal-chat-quote-card");
    // A quote that cannot be read shows a neutral placeholder, the rest of the chat intact.
    guard.allow(/ERR_FAILED.*get_quote/);
    await desk.route("**/api/get_quote*", (r) => r.abort());
    await desk.reload();
    await hydrated(desk);
    await expect(desk.locator(".chat-pane .quote-card-unavailable")).toHaveCount(2);
    await expect(desk.locator(".chat-pane .quote-card-unavailable").first()).toHaveText("报价不可查看");
    await expect(desk.locator(".msg .msg-body", { hasText: "多少钱" })).toBeVisible();
    await portal.close();

  } finally {
    // Leave the agents as they were, whatever happened: cs1 without this
    // conversation, cs2 online again.
    if (id) await cs1.request.post("/api/chat_resolve", { data: { conversation_id: Number(id) } });
    await setAgentStatus(cs2, "online");
    await Promise.all([admin, cs1, cs2].map((p) => p.context().close()));
  }
});
