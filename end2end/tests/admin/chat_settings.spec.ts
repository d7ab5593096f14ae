import { test, expect, hydrated, shot, staffLogin } from "../support";

test("an admin adds a desk and a canned reply and sets an agent's desks and cap", async ({ page, guard }) => {
  // Provoked on purpose: the form shows the server's validation answer.
  guard.allow(/status of 422 .*\/api\/chat_create_role$/);
  await staffLogin(page);
  await page.goto("/admin/chat/settings");
  await hydrated(page);
  await expect(page.locator(".cs-role")).toHaveCount(3);

  // A bad code is named; a good desk appears.
  await page.fill("input[placeholder^='代码']", "x");
  await page.fill("input[placeholder='中文名称']", "清关咨询");
  await page.fill("input[placeholder='英文名称']", "Customs");
  await page.click(".cs-roles button[type=submit]");
  await expect(page.locator(".cs-roles")).toContainText("代码为 2–32 位");
  await page.fill("input[placeholder^='代码']", "customs");
  await page.click(".cs-roles button[type=submit]");
  await expect(page.locator(".cs-role")).toHaveCount(4);

  await page.fill(".canned-replies input[placeholder='标题']", "运费");
  await page.fill(".canned-replies textarea", "美西普船 12 元/公斤起，具体以报价为准。");
  await page.click(".canned-replies button[type=submit]");
  await expect(page.locator(".canned", { hasText: "运费" })).toBeVisible();

  // cs2 also serves customs, with a cap of 6.
  const row = page.locator(".agent-row", { hasText: "客服小周" });
  await row.locator("label", { hasText: "清关咨询" }).locator("input").check();
  await row.locator("input[type=number]").fill("6");
  await row.locator(".agent-save").click();
  await expect(row.locator(".agent-load")).toHaveText(/\/6$/);
  await shot(page, "admin-chat-settings");
});

test("an agent starts a conversation with a customer from the company page", async ({ page }) => {
  await staffLogin(page, "cs2");
  await page.goto("/admin/customers");
  await hydrated(page);
  await expect(page.locator(".company-row").first()).toBeVisible();
  await page.locator(".company-row a", { hasText: "义乌" }).click();
  await expect(page).toHaveURL(/\/admin\/customers\/\d+$/);
  await expect(page.locator(".start-chat")).toBeVisible();
  await hydrated(page);
  await page.click(".start-chat-btn");
  await expect(page).toHaveURL(/\/admin\/chat\?c=\d+/);
  await hydrated(page);
  await expect(page.locator(".side-member")).toHaveText("王芳");
  await page.fill(".chat-input", "王总您好，您的货已到仓。");
  await page.click("button.chat-send");
  await expect(page.locator(".msg .msg-body", { hasText: "已到仓" })).toBeVisible();

  // Hand it to the customs desk (served by cs2 alone since the test above)
  // with a note: it is routed there, back to cs2, under the new desk.
  await page.selectOption(".chat-transfer select", { label: "清关咨询" });
  await page.fill(".chat-transfer input", "客户问清关");
  await page.click(".chat-transfer button[type=submit]");
  await expect(page.locator(".chat-main")).toContainText("从左侧选择一个会话");
  await expect(page.locator(".chat-item", { hasText: "王芳" })).toContainText("清关咨询");
});
