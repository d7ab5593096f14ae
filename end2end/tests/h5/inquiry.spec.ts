import { test, expect, hydrated, shot, staffLogin } from "../support";
import { memberSignIn } from "./sign_in";

const VAGUE = "有一批货要发美国，急，帮忙报个价";
const INQUIRY = "300kg 2方 深圳到美国FBA ONT8 海派 带电";

test("a customer posts inquiries from the quote page, sales answer one with a saved quote, the customer sees it and deletes another", async ({ page, browser, guard }) => {
  test.setTimeout(180_000);
  await memberSignIn(page, guard, "h5", "13800138002");
  await page.goto("/h5/quote");
  await hydrated(page);

  // An unsure reading: the page urges posting it to the hall.
  await page.fill("#q-text", VAGUE);
  await page.click("button.read-inquiry");
  await expect(page.locator(".inquiry .parsed")).toBeVisible();
  await expect(page.locator(".post-hall.urge")).toContainText("识别结果不够确定");
  await page.click("button.post-inquiry");
  const posted = page.locator(".post-hall .posted-number");
  await expect(posted).toHaveText(/^I\d{8}-\d{4}$/);
  const vague = (await posted.textContent())!;
  await expect(page.locator(".post-hall .posted")).toContainText("已提交到询价大厅");
  await shot(page, "h5-inquiry-posted");

  // A clear one: quoted and saved (the answer's quote), then posted as well.
  await page.goto("/h5/quote");
  await hydrated(page);
  await page.fill("#q-text", INQUIRY);
  await page.click("button.read-inquiry");
  await expect(page.locator("#q-fba_code")).toHaveValue("ONT8");
  await expect(page.locator(".post-hall.urge")).toHaveCount(0);
  await page.click("button.search-quotes");
  await expect(page.locator("li.plan").first()).toBeVisible();
  await page.click("button.save-quote");
  const saved = page.locator(".save-bar .saved-number");
  await expect(saved).toHaveText(/^Q\d{8}-\d{4}$/);
  const quote = (await saved.textContent())!;
  await page.click("button.post-inquiry");
  await expect(posted).toHaveText(/^I\d{8}-\d{4}$/);
  const clear = (await posted.textContent())!;
  expect(clear).not.toBe(vague);

  // 我的询价 from 我的: both, awaiting a quote.
  await page.goto("/h5/me");
  await hydrated(page);
  await page.click("a.my-inquiries");
  await page.waitForURL(/\/h5\/inquiries$/);
  await hydrated(page);
  const row = (n: string) => page.locator(`li.my-inquiry[data-number="${n}"]`);
  await expect(row(clear).locator(".status-badge")).toHaveText("待报价");
  await expect(row(vague).locator(".status-badge")).toHaveText("待报价");
  await expect(row(clear).locator(".inquiry-fields")).toContainText("ONT8");
  await expect(row(vague).locator(".inquiry-text")).toContainText(VAGUE);
  await expect(page.locator("li.my-inquiry").first()).toHaveAttribute("data-number", clear);

  // Sales (admin here) in another browser answer the clear one with the saved quote.
  const staff = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
  const admin = await staff.newPage();
  await staffLogin(admin);
  await admin.goto("/admin/inquiries");
  await hydrated(admin);
  const hallRow = admin.locator(`tr.hall-row[data-number="${clear}"]`);
  await expect(hallRow.locator(".status-badge")).toHaveText("待报价");
  await hallRow.locator("button.answer").click();
  await hallRow.locator("input.quote-number-input").fill(quote);
  await hallRow.locator("button.send-answer").click();
  await expect(hallRow.locator(".status-badge")).toHaveText("已报价");
  await expect(hallRow.locator("a.answer-quote")).toHaveText(quote);
  await staff.close();

  // The customer's list now shows the quote, which opens.
  await page.reload();
  await hydrated(page);
  await expect(row(clear).locator(".status-badge")).toHaveText("已报价");
  await expect(row(clear).locator("a.answer-quote")).toHaveAttribute("href", `/h5/quotes/${quote}`);
  await page.locator('.status-tab[data-status="quoted"]').click();
  await expect(row(vague)).toHaveCount(0);
  await expect(row(clear)).toBeVisible();
  const badges = await page.locator("li.my-inquiry .status-badge").allTextContents();
  expect(new Set(badges)).toEqual(new Set(["已报价"]));
  await page.locator('.status-tab[data-status="all"]').click();
  await expect(row(vague)).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await shot(page, "h5-inquiries");

  // Deleting one asks first, then it leaves the list.
  page.once("dialog", (d) => d.accept());
  await row(vague).locator("button.delete-inquiry").click();
  await expect(row(vague)).toHaveCount(0);
  await expect(row(clear)).toBeVisible();

  await row(clear).locator("a.answer-quote").click();
  await page.waitForURL(new RegExp(`/h5/quotes/${quote}$`));
  await expect(page.locator(".saved-quote .quote-number")).toHaveText(quote);
});
