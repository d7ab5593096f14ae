import { test, expect, hydrated, memberLogin, shot, staffLogin } from "../support";
import type { Page } from "@playwright/test";

// A new user's journey (issue 9): an admin creates a company with a member,
// the member chats on a 375 px phone with the admin at the desktop console.
// Each step names the defect it guards.

const suffix = () => Math.floor(Math.random() * 1e8).toString().padStart(8, "0");

/** Creates a company with one member through the admin pages; returns the member's phone. */
async function newCompanyWithMember(admin: Page, name: string): Promise<string> {
  const s = suffix();
  await admin.goto("/admin/customers");
  await hydrated(admin);
  await admin.click("button.new-company");
  await admin.fill("#f-name", `测试物流${s}`);
  await admin.fill("#f-code", `T${s}`);
  await admin.fill("#f-contact_name", name);
  await admin.fill("#f-contact_phone", `137${s}`);
  await admin.fill("#f-address", "深圳市宝安区");
  await admin.click(".company-form button[type=submit]");
  // Rough edge: creating says so.
  await expect(admin.locator(".notice")).toHaveText(`已创建公司「测试物流${s}」`);
  await admin.fill("input.search", `T${s}`);
  await admin.press("input.search", "Enter");
  await admin.locator(".company-row a").first().click();
  await hydrated(admin);
  // Rough edge: an empty member list says so.
  await expect(admin.locator(".members-empty")).toHaveText("还没有成员，在下方添加第一位");
  const phone = `139${s}`;
  await admin.fill("#f-member_name", name);
  await admin.fill("#f-member_phone", phone);
  await admin.click(".add-member button[type=submit]");
  await expect(admin.locator(".notice")).toHaveText(`已添加成员「${name}」`);
  await expect(admin.locator(".member")).toHaveCount(1);
  // Rough edge: disabling a member asks first; dismissing keeps them.
  admin.once("dialog", (d) => {
    expect(d.message()).toContain("确定停用该成员");
    void d.dismiss();
  });
  await admin.click(".toggle-member");
  await expect(admin.locator(".toggle-member")).toHaveText("停用");
  // Rough edge: the staff-side button is not the customer's label.
  await expect(admin.locator(".start-chat-btn")).toHaveText("发起会话");
  return phone;
}

test("a new customer chats: typing ends, read marks survive reloads, the end is shown and a reload keeps the conversation", async ({ page, browser }) => {
  // cs1's console is open, so cs1 is online to be routed to.
  const agentDesk = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
  const cs1 = await agentDesk.newPage();
  await staffLogin(cs1, "cs1");
  // Rough edge: an agent's dashboard shows their work, not the API tokens.
  await expect(cs1.locator(".dash-cs")).toBeVisible();
  await expect(cs1.locator(".api-tokens")).toHaveCount(0);
  await expect(cs1.locator("h1")).toHaveText("你好，客服小林");
  await shot(cs1, "admin-dashboard-cs");
  await cs1.goto("/admin/chat");
  await hydrated(cs1);

  const desk = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
  const admin = await desk.newPage();
  await staffLogin(admin);
  await expect(admin.locator(".dash-developer .api-tokens")).toBeVisible();
  const phone = await newCompanyWithMember(admin, "赵敏");

  await memberLogin(page, "h5", phone);
  await page.goto("/h5/chat");
  await hydrated(page);
  // Defect 6: the head names an icon and a manifest (the guard fails on their 404s).
  await expect(page.locator("link[rel=manifest]")).toHaveAttribute("href", "/manifest.webmanifest");
  await page.locator("button.chat-role", { hasText: "售前咨询" }).click();
  await expect(page.locator(".chat-empty")).toBeVisible();
  // Defect 4: the open conversation is in the URL.
  await page.waitForURL(/\/h5\/chat\?c=\d+$/);
  const id = new URL(page.url()).searchParams.get("c")!;
  // Rough edge: no Enter key named on a phone.
  await expect(page.locator(".chat-input")).toHaveAttribute("placeholder", "输入消息");
  // Defect 5: once assigned, the customer is told who serves them.
  await expect(page.locator(".chat-serving")).toHaveText(/^客服小(林|周)为您服务$/);

  await page.fill(".chat-input", "你好，深圳到美东 FBA 海派多少钱？");
  await page.click("button.chat-send");
  await expect(page.locator(".msg .msg-body", { hasText: "多少钱" })).toBeVisible();

  await admin.goto(`/admin/chat?c=${id}`);
  await hydrated(admin);
  await expect(admin.locator(".msg .msg-body", { hasText: "多少钱" })).toBeVisible();
  await expect(page.locator(".msg-read").last()).toHaveText("已读");

  // Defect 1: the typing line goes a few seconds after the last keystroke…
  await admin.locator(".chat-input").pressSequentially("您好");
  await expect(page.locator(".chat-typing")).toContainText("对方正在输入");
  await page.waitForTimeout(6_000);
  await expect(page.locator(".chat-typing")).not.toContainText("对方正在输入");
  // …and at once when that side's message arrives.
  await admin.locator(".chat-input").pressSequentially("，美东海派 9 元/公斤");
  await expect(page.locator(".chat-typing")).toContainText("对方正在输入");
  await admin.keyboard.press("Enter");
  await expect(page.locator(".msg .msg-body", { hasText: "9 元/公斤" })).toBeVisible();
  await expect(page.locator(".chat-typing")).not.toContainText("对方正在输入", { timeout: 1_000 });

  // Defects 2 and 4: a reload comes back to the same conversation, read marks kept.
  await page.reload();
  await hydrated(page);
  await expect(page).toHaveURL(new RegExp(`\\?c=${id}$`));
  await expect(page.locator(".msg .msg-body", { hasText: "多少钱" })).toBeVisible();
  await expect(page.locator(".msg-read").last()).toHaveText("已读");
  // The member has read the reply (the pane is open): the agent's reload keeps 已读.
  await admin.reload();
  await hydrated(admin);
  await expect(admin.locator(".msg .msg-body", { hasText: "9 元/公斤" })).toBeVisible();
  await expect(admin.locator(".msg-read").last()).toHaveText("已读");

  // Defect 3: resolving is shown on both sides; the customer starts again with one tap.
  // The pane is the same element through the list's refetches (a change of
  // the conversation refetches 我的会话 for the serving line).
  await page.locator(".chat-pane").evaluate((el: HTMLElement) => (el.dataset.mark = "kept"));
  await admin.click(".chat-resolve");
  await expect(admin.locator(".chat-ended")).toContainText("会话已结束");
  await expect(admin.locator(".chat-read-only")).toHaveCount(0);
  await expect(admin.locator(".chat-ended .chat-restart")).toHaveText("激活会话");
  await expect(page.locator(".msg-system")).toContainText("结束了会话");
  await expect(page.locator(".chat-ended")).toContainText("会话已结束");
  await expect(page.locator(".chat-input")).toHaveCount(0);
  await expect(page.locator(".chat-pane[data-mark=kept]")).toHaveCount(1);
  await shot(page, "h5-chat-ended");
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".msg-system")).toContainText("结束了会话");
  await expect(admin.locator(".msg-system")).toContainText("结束了会话");

  // Defect 4: 我的会话 shows the last message, its time and the unread count.
  await page.click("button.chat-back");
  const item = page.locator(".chat-mine").first();
  await expect(item.locator(".mine-last")).toContainText("结束了会话");
  await expect(item.locator(".mine-time")).toHaveText(/^\d\d-\d\d \d\d:\d\d$/);
  await item.click();
  await page.locator(".chat-restart").click();
  await page.waitForURL((u) => u.searchParams.get("c") !== null && u.searchParams.get("c") !== id);
  await expect(page.locator(".chat-input")).toBeVisible();
  await expect(page.locator(".chat-ended")).toHaveCount(0);
  // Leave the agents as they were: the new conversation is resolved again, so
  // the next spec's conversation is routed as if this one never happened.
  const again = new URL(page.url()).searchParams.get("c")!;
  const resolved = await admin.request.post("/api/chat_resolve", { data: { conversation_id: Number(again) } });
  expect(resolved.status()).toBe(200);
  await desk.close();
  await agentDesk.close();
});

test("a queued customer is told they wait and their place", async ({ page, browser }) => {
  const desk = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
  const admin = await desk.newPage();
  await staffLogin(admin);
  // A desk nobody serves: whoever opens it waits in its queue.
  const s = suffix();
  await admin.goto("/admin/chat/settings");
  await hydrated(admin);
  await admin.fill("input[placeholder^='代码']", `wait${s}`);
  await admin.fill("input[placeholder='中文名称']", `仓储${s}`);
  await admin.fill("input[placeholder='英文名称']", `Storage ${s}`);
  await admin.click(".cs-roles button[type=submit]");
  await expect(admin.locator(".cs-role", { hasText: `仓储${s}` })).toBeVisible();
  // Rough edge: the agents' board heads the column 状态, not 我的状态.
  await expect(admin.locator(".agents-board th", { hasText: "我的状态" })).toHaveCount(0);
  const phone = await newCompanyWithMember(admin, "钱多");

  await memberLogin(page, "h5", phone);
  await page.goto("/h5/chat");
  await hydrated(page);
  await page.locator("button.chat-role", { hasText: `仓储${s}` }).click();
  await expect(page.locator(".chat-serving")).toHaveText("正在为您排队，您是下一位");
  await page.fill(".chat-input", "请问海外仓怎么收费？");
  await page.click("button.chat-send");
  await expect(page.locator(".msg .msg-body", { hasText: "海外仓" })).toBeVisible();
  await expect(page.locator(".chat-serving")).toHaveText("正在为您排队，您是下一位");
  await shot(page, "h5-chat-queued");
  await desk.close();
});
