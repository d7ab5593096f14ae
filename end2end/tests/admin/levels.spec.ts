import { Page } from "@playwright/test";
import { test, expect, hydrated, shot, staffLogin } from "../support";
import { memberSignIn } from "../h5/sign_in";

const COMPANY = "杭州云帆进出口有限公司";
const PHONE = "13800138006";

function fen(text: string | null): number {
  return Math.round(Number(text!.replace(/[¥,]/g, "")) * 100);
}

/** A member's search to ONT8 on the H5 page: each plan's name, mode line and total. */
async function search(page: Page): Promise<{ name: string; line: string; total: number }[]> {
  await page.goto("/h5/quote");
  await hydrated(page);
  await page.selectOption("#q-country", "US");
  await page.fill("#q-fba_code", "ONT8");
  await page.fill("#q-cargo-lines-0-count", "5");
  await page.fill("#q-cargo-lines-0-length_cm", "50");
  await page.fill("#q-cargo-lines-0-width_cm", "40");
  await page.fill("#q-cargo-lines-0-height_cm", "30");
  await page.fill("#q-cargo-lines-0-weight_kg", "22");
  await page.click("button.search-quotes");
  const plans = page.locator("li.plan");
  await expect(plans.first()).toBeVisible();
  const out = [];
  for (const p of await plans.all()) {
    out.push({
      name: (await p.locator(".plan-name").textContent())!.trim(),
      line: (await p.textContent())!,
      total: fen(await p.locator(".plan-total").textContent()),
    });
  }
  return out;
}

async function openCompany(page: Page) {
  await page.goto("/admin/customers");
  await hydrated(page);
  await page.fill("input.search", "云帆");
  await page.press("input.search", "Enter");
  await expect(page.locator(".company-row")).toHaveCount(1);
  await page.click(".company-row a");
  await expect(page.locator(".company-name")).toHaveText(COMPANY);
  await hydrated(page);
}

test("an admin gives a company a +10 % air-express-only level and its member then sees only 空派 at higher prices", async ({ page, browser, guard }) => {
  test.setTimeout(180_000);
  guard.allow(/status of 409 .*\/api\/delete_price_level$/);
  page.on("dialog", (d) => d.accept());
  const n = Date.now() % 100000;
  const libName = `空派库${n}`;
  const levelName = `空派客户${n}`;

  // The company follows the default (none in the demo: the tables' prices).
  await staffLogin(page);
  await openCompany(page);
  const block = page.locator(".company-level");
  await expect(block.locator(".level-picker")).toBeVisible();
  if ((await block.locator(".level-picker").inputValue()) !== "") {
    await block.locator(".level-picker").selectOption("");
    await expect(block.locator(".notice")).toHaveText("价格等级已更新");
  }
  await expect(block.locator(".current-level")).toHaveText("未设置等级：按渠道价格表");

  // Its member's search before: several modes, at table prices.
  const ctx = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: "zh-CN" });
  const phone = await ctx.newPage();
  await memberSignIn(phone, guard, "h5", PHONE);
  const before = await search(phone);
  expect(before.some((p) => !p.line.includes("空派 · "))).toBe(true);
  expect(before.some((p) => p.line.includes("空派 · "))).toBe(true);

  // A library of the air express channels.
  await page.click("nav.admin-menu >> text=渠道库");
  await page.waitForURL(/\/admin\/libraries$/);
  await hydrated(page);
  await page.click("button.new-library");
  await page.fill(".library-form #f-name", libName);
  await page.click(".library-form .rules-modes button:has-text('空派')");
  await page.click("button.save-library");
  await expect(page.locator(".notice").first()).toHaveText("渠道库已保存");
  const libRow = page.locator(".library-row", { hasText: libName });
  await expect(libRow.locator(".library-rules")).toHaveText("运输方式：空派");

  // A level of +10 % over cost that searches only that library.
  await page.click("nav.admin-menu >> text=价格等级");
  await page.waitForURL(/\/admin\/price-levels$/);
  await hydrated(page);
  await page.click("button.new-level");
  await page.fill(".level-form #f-name", levelName);
  await page.fill(".level-form #f-default_bp", "abc");
  await page.click("button.save-level");
  await expect(page.locator(".level-form [data-field=default_bp]")).toHaveText("请输入数字");
  await page.fill(".level-form #f-default_bp", "10");
  // A mode row added twice for the same mode is named by its field; removed again.
  await page.click("button.add-mode");
  await page.click("button.add-mode");
  await page.locator(".mode-row").nth(1).locator("select.mode").selectOption("sea_express");
  await page.locator(".mode-row").nth(0).locator("input.pct").fill("-5");
  await page.locator(".mode-row").nth(1).locator("input.pct").fill("3");
  await page.click("button.save-level");
  await expect(page.locator(".mode-row").nth(1).locator(".field-error")).toHaveText("已存在");
  await shot(page, "admin-level-form");
  await page.locator(".mode-row").nth(1).locator("button.remove-mode").click();
  await page.locator(".mode-row").nth(0).locator("button.remove-mode").click();
  await expect(page.locator(".mode-row")).toHaveCount(0);
  await page.click(`.level-libraries label:has-text('${libName}') input`);
  await page.click("button.save-level");
  await expect(page.locator(".notice").first()).toHaveText("价格等级已保存");
  const row = page.locator(".level-row", { hasText: levelName });
  await expect(row.locator(".level-default")).toHaveText("+10%");
  await expect(row.locator(".level-libraries")).toHaveText(libName);
  await expect(row.locator(".level-companies")).toHaveText("0");
  await shot(page, "admin-levels");

  // Given to the company on its page.
  await openCompany(page);
  await block.locator(".level-picker").selectOption({ label: `${levelName} +10%` });
  await expect(block.locator(".notice")).toHaveText("价格等级已更新");
  await expect(block.locator(".current-level")).toHaveText(`${levelName} +10%`);
  await shot(page, "admin-company-level");

  // The member now sees only 空派 plans, each dearer than before.
  const after = await search(phone);
  expect(after.length).toBeGreaterThan(0);
  for (const p of after) {
    expect(p.line).toContain("空派 · ");
    const was = before.find((b) => b.name === p.name);
    expect(was, p.name).toBeTruthy();
    expect(p.total).toBeGreaterThan(was!.total);
  }
  await shot(phone, "h5-quote-at-level");
  await ctx.close();

  // In use: the level is not deleted, and the page says why.
  await page.goto("/admin/price-levels");
  await hydrated(page);
  await expect(row.locator(".level-companies")).toHaveText("1");
  await row.locator("button.delete-level").click();
  await expect(page.locator(".error-banner")).toContainText("还有客户使用该等级");
  await expect(row).toBeVisible();
});

test("ops make a library, pre-check it (channels added, manual entries in conflict) and save it", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  const name = `带电线路${Date.now() % 100000}`;
  await staffLogin(page, "ops1");
  await page.click("nav.admin-menu >> text=渠道库");
  await page.waitForURL(/\/admin\/libraries$/);
  await hydrated(page);
  await page.click("button.new-library");
  const form = page.locator(".library-form");
  await form.locator("#f-name").fill(name);
  await form.locator(".rules-required_tags button:has-text('带电')").click();
  // By hand: one the rules pick anyway, one they do not pick.
  await form.locator("input.channel-search").fill("美国空派专线");
  await form.locator("button.find-channel").click();
  await form.locator(".found-channel", { hasText: "美国空派专线" }).locator("button.add-include").click();
  await form.locator("input.channel-search").fill("美森加班船");
  await form.locator("button.find-channel").click();
  await form.locator(".found-channel", { hasText: "美森加班船" }).locator("button.add-exclude").click();
  await expect(form.locator(".include-list .chosen-channel")).toHaveText(["美国空派专线×"]);
  await expect(form.locator(".exclude-list .chosen-channel")).toHaveText(["美森加班船×"]);

  await page.click("button.run-precheck");
  const check = form.locator(".precheck");
  await expect(check.locator(".precheck-count")).toContainText("保存后共");
  await expect(check.locator(".precheck-added span")).not.toHaveCount(0);
  await expect(check.locator(".precheck-added")).toContainText("美国空派专线");
  await expect(check.locator(".precheck-added")).toContainText("UPS 红单");
  await expect(check.locator(".precheck-added")).not.toContainText("美森加班船");
  await expect(check.locator(".conflict[data-code=included_by_rules]")).toHaveText("美国空派专线：已被规则选中，无需手动添加");
  await expect(check.locator(".conflict[data-code=excluded_not_picked]")).toHaveText("美森加班船：规则未选中，无需排除");
  await expect(check.locator(".precheck-stale")).toHaveCount(0);
  await shot(page, "admin-library-precheck");

  // A change after the check says to check again.
  await form.locator(".rules-excluded_tags button:has-text('特价')").click();
  await expect(check.locator(".precheck-stale")).toHaveText("规则已修改，请重新校验。");
  await page.click("button.run-precheck");
  await expect(check.locator(".precheck-stale")).toHaveCount(0);
  await expect(check.locator(".precheck-added")).not.toContainText("美国空派特价");

  await page.click("button.save-library");
  await expect(page.locator(".notice").first()).toHaveText("渠道库已保存");
  const row = page.locator(".library-row", { hasText: name });
  await expect(row.locator(".library-rules")).toContainText("必须带有的标签：带电");
  await expect(row.locator(".library-rules")).toContainText("排除的标签：特价");
  await expect(row.locator(".library-manual")).toHaveText("添加 1 / 排除 1");
  await shot(page, "admin-libraries");

  // Editing it: taking the required tag off adds channels (not the one
  // excluded by hand) and removes none.
  await row.locator("button.edit-library").click();
  await form.locator(".rules-required_tags button:has-text('带电')").click();
  await page.click("button.run-precheck");
  await expect(check.locator(".precheck-added")).toContainText("普船海卡");
  await expect(check.locator(".precheck-added")).not.toContainText("美森加班船");
  await expect(check.locator(".precheck-removed")).toHaveCount(0);
  await form.locator("button:has-text('取消')").click();

  // Deleted (no level uses it).
  await row.locator("button.delete-library").click();
  await expect(page.locator(".notice").first()).toHaveText("渠道库已删除");
  await expect(page.locator(".library-row", { hasText: name })).toHaveCount(0);
});

test("ops add and delete a tag; a tag channels carry, or one already there, is refused", async ({ page, guard }) => {
  guard.allow(/status of 409 .*\/api\/(delete|add)_channel_tag$/);
  page.on("dialog", (d) => d.accept());
  const tag = `测试${Date.now() % 100000}`;
  await staffLogin(page, "ops1");
  await page.goto("/admin/libraries");
  await hydrated(page);
  const tags = page.locator(".tags-block");
  await expect(tags.locator(".tag[data-tag='带电']")).toBeVisible();

  await tags.locator(".tag[data-tag='带电'] button.delete-tag").click();
  await expect(tags.locator(".error-banner")).toHaveText("还有渠道带着这个标签，不能删除");
  await expect(tags.locator(".tag[data-tag='带电']")).toBeVisible();

  await tags.locator("#f-tag_name").fill(tag);
  await tags.locator("form.add-tag button[type=submit]").click();
  await expect(tags.locator(".notice")).toHaveText("标签已添加");
  await expect(tags.locator(`.tag[data-tag='${tag}']`)).toBeVisible();
  await tags.locator("#f-tag_name").fill(tag);
  await tags.locator("form.add-tag button[type=submit]").click();
  await expect(tags.locator("[data-field=tag_name]")).toHaveText("已存在");
  await shot(page, "admin-tags");

  await tags.locator(`.tag[data-tag='${tag}'] button.delete-tag`).click();
  await expect(tags.locator(".notice")).toHaveText("标签已删除");
  await expect(tags.locator(`.tag[data-tag='${tag}']`)).toHaveCount(0);
});

test("sales read the levels and libraries but change nothing", async ({ page }) => {
  await staffLogin(page, "sales1");
  await page.click("nav.admin-menu >> text=价格等级");
  await page.waitForURL(/\/admin\/price-levels$/);
  await hydrated(page);
  await expect(page.locator("h1")).toHaveText("价格等级");
  await expect(page.locator("button.new-level")).toHaveCount(0);
  await expect(page.locator("button.delete-level")).toHaveCount(0);
  await page.click("nav.admin-menu >> text=渠道库");
  await page.waitForURL(/\/admin\/libraries$/);
  await hydrated(page);
  await expect(page.locator(".tags-block .tag").first()).toBeVisible();
  await expect(page.locator("button.new-library")).toHaveCount(0);
  await expect(page.locator(".tags-block button.delete-tag")).toHaveCount(0);
  await expect(page.locator("form.add-tag")).toHaveCount(0);
});
