import { test, expect, hydrated, shot, staffLogin } from "../support";

async function post(page: import("@playwright/test").Page, text: string): Promise<string> {
  const r = await page.request.post("/api/post_inquiry", { data: { input: { text } } });
  expect(r.status()).toBe(200);
  return (await r.json()).number;
}

function count(page: import("@playwright/test").Page, status: string) {
  return page.locator(`.count-tab[data-status="${status}"]`);
}

test("the hall counts inquiries by status, moves one and refuses a quote that does not exist", async ({ page, guard }) => {
  guard.allow(/status of 422 .*\/api\/answer_inquiry$/);
  await staffLogin(page);
  await expect(page.locator("nav.admin-menu")).toContainText("询价大厅");
  const number = await post(page, "2 cbm sea to LAX8 from Ningbo, textiles");
  await page.click("nav.admin-menu a[href='/admin/inquiries']");
  await page.waitForURL(/\/admin\/inquiries$/);
  await hydrated(page);
  await expect(count(page, "all")).toHaveText(/^全部 \d+$/);
  const pending = Number(await count(page, "pending").getAttribute("data-count"));
  const closed = Number(await count(page, "closed").getAttribute("data-count"));
  expect(pending).toBeGreaterThan(0);

  const row = page.locator(`tr.hall-row[data-number="${number}"]`);
  await expect(row.locator(".status-badge")).toHaveText("待报价");
  await expect(row.locator(".inquiry-text")).toContainText("LAX8");

  // A quote number that does not exist: the server's message on the field.
  await row.locator("button.answer").click();
  await row.locator("input.quote-number-input").fill("Q19990101-0001");
  await row.locator("button.send-answer").click();
  await expect(row.locator('.field-error[data-field="quote_number"]')).toHaveText("没有这个报价单号");
  await shot(page, "admin-inquiries");

  // 关闭 asks first; the counts follow.
  page.once("dialog", (d) => d.accept());
  await row.locator("button.close-inquiry").click();
  await expect(row.locator(".status-badge")).toHaveText("已关闭");
  await expect(count(page, "pending")).toHaveAttribute("data-count", String(pending - 1));
  await expect(count(page, "closed")).toHaveAttribute("data-count", String(closed + 1));
  await expect(row.locator("button.close-inquiry")).toHaveCount(0);

  // The closed tab lists it, and only closed ones.
  await count(page, "closed").click();
  await expect(row).toBeVisible();
  const badges = await page.locator("tr.hall-row .status-badge").allTextContents();
  expect(new Set(badges)).toEqual(new Set(["已关闭"]));

  // The text filter.
  await count(page, "all").click();
  await page.fill(".hall-filters input[name=q]", number);
  await page.click(".hall-filters button[type=submit]");
  await expect(page.locator("tr.hall-row")).toHaveCount(1);
  await expect(count(page, "all")).toHaveText("全部 1");
});

test("an admin saves the SLA and the robot, sees a bad SLA refused by field, and the robot's answer to a test", async ({ page, guard }) => {
  guard.allow(/status of 422 .*\/api\/save_inquiry_settings$/);
  await staffLogin(page);
  await page.goto("/admin/inquiries");
  await hydrated(page);
  const form = page.locator(".hall-settings");
  await form.locator("#f-sla_minutes").fill("0");
  await form.locator("button.save-settings").click();
  await expect(form.locator('.field-error[data-field="sla_minutes"]')).toContainText("1 到 10080");

  await form.locator("#f-sla_minutes").fill("45");
  await form.locator("#f-robot_url").fill("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=shipdesk-test");
  await form.locator("button.save-settings").click();
  await expect(form.locator(".settings-saved")).toHaveText("已保存");
  await page.reload();
  await hydrated(page);
  await expect(form.locator("#f-sla_minutes")).toHaveValue("45");
  await expect(form.locator("#f-robot_url")).toHaveValue(/key=shipdesk-test$/);

  // The robot may be out of reach here: whatever it answered is shown.
  await form.locator("button.robot-test").click();
  await expect(form.locator(".robot-answer")).not.toBeEmpty({ timeout: 30_000 });
  await shot(page, "admin-inquiry-settings");

  // Turned off again, so other specs post without a robot.
  await form.locator("#f-robot_url").fill("");
  await form.locator("#f-sla_minutes").fill("30");
  await form.locator("button.save-settings").click();
  await expect(form.locator(".settings-saved")).toBeVisible();
});
