import { test, expect, hydrated, shot, staffLogin } from "../support";
import { xlsx } from "./xlsx";

const HEAD = ["分区代码", "分区名称", "0+", "21+", "45+", "71+", "101+", "301+", "501+", "1000+"];

async function version(page: import("@playwright/test").Page): Promise<number> {
  const v = await page.locator(".current-version").textContent();
  return Number(v!.trim().slice(1));
}

test("ops filter channels, edit a rate, export, and import a table with and without errors", async ({ page }) => {
  await staffLogin(page, "ops1");
  await page.click("nav.admin-menu >> text=渠道管理");
  await page.waitForURL(/\/admin\/channels$/);
  await hydrated(page);
  await expect(page.locator(".channel-row").first()).toBeVisible();
  await shot(page, "channels-list");

  // Filter: US, 海派, by text.
  await page.selectOption(".country-filter", "US");
  await page.selectOption(".mode-filter", "sea_express");
  await page.fill("input.search", "正班");
  await page.click(".channel-filters button[type=submit]");
  await expect(page.locator(".channel-row")).toHaveCount(1);
  const row = page.locator(".channel-row").first();
  await expect(row).toContainText("美森正班快船");
  await expect(row).toContainText("海派");
  await expect(row.locator(".enabled-switch")).toBeEnabled();
  await page.fill("input.search", "没有这个渠道");
  await page.click(".channel-filters button[type=submit]");
  await expect(page.locator(".empty-state")).toContainText("没有符合条件的渠道");
  await page.fill("input.search", "正班");
  await page.click(".channel-filters button[type=submit]");
  await page.click(".channel-row a.channel-name");
  await page.waitForURL(/\/admin\/channels\/\d+$/);
  await hydrated(page);
  await expect(page.locator(".channel-title")).toHaveText("美森正班快船");
  await expect(page.locator(".channel-surcharges")).toContainText("单箱超 23 kg");
  await shot(page, "channel-page");
  const v0 = await version(page);

  // Edit one rate (US-W from 0 kg) and save: the version goes up.
  await page.click("button.edit-channel");
  const cell = page.locator('.grid-editor input[name="zones[0].rates[0].fen"]');
  await cell.fill("13.88");
  await shot(page, "channel-editor");
  await page.click("button.save-channel");
  await expect(page.locator(".notice")).toHaveText(`已保存为 v${v0 + 1}`);
  await expect(page.locator(".current-version")).toHaveText(`v${v0 + 1}`);
  await expect(page.locator('.price-grid tr[data-zone="US-W"] td.rate-cell').first()).toHaveText("13.88");
  await expect(page.locator(".version-row").first()).toContainText(`v${v0 + 1}`);
  await expect(page.locator(".version-row").first()).toContainText("运营赵强");

  // Export: an .xlsx named after the channel and its version.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("a.export-table")]);
  expect(download.suggestedFilename()).toBe(`价格表-美森正班快船-v${v0 + 1}.xlsx`);
  const path = await download.path();
  const bytes = require("fs").readFileSync(path);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");

  // A file with a bad row: every error at its row and column; nothing saved.
  const bad = xlsx([
    HEAD,
    ["US-W", "美西", 13, "abc", 12, 11, 10, 9, 8, 7],
    ["US-X", "?", 1, 1, 1, 1, 1, 1, 1, 1],
    ["US-E", "美东", -2, 14, 13, 12, 11, 10, 9, 8],
  ]);
  await page.setInputFiles('input[name="table_file"]', { name: "bad.xlsx", mimeType: "application/octet-stream", buffer: bad });
  const errors = page.locator(".import-errors li");
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toContainText("第 2 行 D 列：不是数字");
  await expect(errors.nth(1)).toContainText("第 3 行 A 列：该渠道没有这个分区代码");
  await expect(errors.nth(2)).toContainText("第 4 行 C 列：不能为负数");
  await expect(page.locator("button.confirm-import")).toHaveCount(0);
  await shot(page, "channel-import-errors");
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".current-version")).toHaveText(`v${v0 + 1}`);

  // A good file: the preview marks the changed cells; 确认导入 saves it.
  const good = xlsx([
    HEAD,
    ["US-W", "美西", 13.5, 12.5, 12, 11, 10, 9, 8, 7],
    ["US-C", "美中", 14, 13, 12.5, 11.5, 10.5, 9.5, 8.5, 7.5],
    ["US-E", "美东", 15, 14, 13, 12, 11, 10, 9, 8],
  ]);
  await page.setInputFiles('input[name="table_file"]', { name: "good.xlsx", mimeType: "application/octet-stream", buffer: good });
  const preview = page.locator(".import-preview");
  await expect(preview.locator('tr[data-zone="US-W"] td.rate-cell').first()).toContainText("13.50");
  await expect(preview.locator("td.changed").first()).toBeVisible();
  await shot(page, "channel-import-preview");
  await expect(page.locator(".current-version")).toHaveText(`v${v0 + 1}`);
  await page.click("button.confirm-import");
  await expect(page.locator(".notice")).toHaveText(`已保存为 v${v0 + 2}`);
  await expect(page.locator(".current-version")).toHaveText(`v${v0 + 2}`);
  const west = page.locator('.price-grid tr[data-zone="US-W"] td.rate-cell');
  await expect(west.nth(0)).toHaveText("13.50");
  await expect(west.nth(1)).toHaveText("12.50");
  await expect(page.locator(".version-row")).toHaveCount(v0 + 2);
});

test("a salesperson reads channels but cannot switch or edit them", async ({ page }) => {
  await staffLogin(page, "sales1");
  await page.goto("/admin/channels");
  await hydrated(page);
  await expect(page.locator(".channel-row").first()).toBeVisible();
  await expect(page.locator(".enabled-switch").first()).toBeDisabled();
  await expect(page.locator("a.new-channel")).toHaveCount(0);
  await page.click(".channel-row a.channel-name >> nth=0");
  await hydrated(page);
  await expect(page.locator("a.export-table")).toBeVisible();
  await expect(page.locator("button.edit-channel")).toHaveCount(0);
  await expect(page.locator(".table-import")).toHaveCount(0);
});

test("ops add a zone and a surcharge rule; a bad amount and a bad FBA code show by their fields; a concurrent edit is told", async ({ page, context, guard }) => {
  guard.allow(/status of 409 .*\/api\/save_channel$/);
  await staffLogin(page, "ops1");
  await page.goto("/admin/channels");
  await hydrated(page);
  await page.fill("input.search", "DHL 加拿大");
  await page.click(".channel-filters button[type=submit]");
  await expect(page.locator(".channel-row")).toHaveCount(1);
  await page.click(".channel-row a.channel-name");
  await page.waitForURL(/\/admin\/channels\/\d+$/);
  await hydrated(page);
  const url = page.url();
  const v0 = await version(page);
  await expect(page.locator(".surcharge-row")).toHaveCount(2);

  // A new rule: 带电附加费, ¥3.5 per kg when the goods are 带电; and a zone.
  await page.click("button.edit-channel");
  await page.click("button.add-surcharge");
  const rule = page.locator(".surcharge-card").last();
  await expect(rule).toContainText("附加费 3");
  await rule.locator('input[name="surcharges[2].name"]').fill("带电附加费");
  await rule.locator("select.per").selectOption("unit");
  await expect(rule).toContainText("元/kg");
  await rule.locator('input[name="surcharges[2].charge"]').fill("abc");
  await rule.locator("button.add-condition").click();
  await rule.locator('.condition-line input.goods[value="battery"]').check();
  await page.click("button.add-zone");
  const zone = page.locator(".zone-line").last();
  await zone.locator('input[name="zones[2].code"]').fill("CA-X");
  await zone.locator('input[name="zones[2].name"]').fill("加中");
  await zone.locator('input[name="zones[2].fba_codes"]').fill("yeg1 8YYC");
  await expect(page.locator('.grid-editor tr[data-zone="CA-X"]')).toBeVisible();
  await page.fill('.grid-editor input[name="zones[2].rates[0].fen"]', "70");

  // Each bad value in turn shows under its own input; nothing is saved.
  await page.click("button.save-channel");
  await expect(page.locator('.field-error[data-field="surcharges[2].charge"]')).toHaveText("请输入数字");
  await rule.locator('input[name="surcharges[2].charge"]').fill("3.5");
  await page.click("button.save-channel");
  await expect(page.locator('.field-error[data-field="zones[2].fba_codes[1]"]')).toHaveText("FBA 仓库代码格式不正确，如 ONT8");
  await expect(page.locator('.field-error[data-field="surcharges[2].charge"]')).toHaveCount(0);
  await shot(page, "channel-editor-rules");
  await zone.locator('input[name="zones[2].fba_codes"]').fill("yeg1");
  await page.click("button.save-channel");

  await expect(page.locator(".notice")).toHaveText(`已保存为 v${v0 + 1}`);
  const added = page.locator(".surcharge-row").last();
  await expect(added).toContainText("带电附加费");
  await expect(added).toContainText("¥3.5/kg");
  await expect(added).toContainText("货物为 带电");
  await expect(page.locator(".channel-zones")).toContainText("YEG1");
  await expect(page.locator('.price-grid tr[data-zone="CA-X"] td.rate-cell').first()).toHaveText("70.00");

  // Another tab opens the editor at this version; this one saves first.
  const other = await context.newPage();
  await other.goto(url);
  await hydrated(other);
  await other.click("button.edit-channel");
  await page.click("button.edit-channel");
  await page.locator(".surcharge-card").last().locator("button.remove-surcharge").click();
  await page.click("button.save-channel");
  await expect(page.locator(".notice")).toHaveText(`已保存为 v${v0 + 2}`);
  await expect(page.locator(".surcharge-row")).toHaveCount(2);
  await other.fill('input[name="customs_fee_fen"]', "80");
  await other.click("button.save-channel");
  await expect(other.locator(".conflict")).toContainText("该渠道已被他人修改，请刷新后再改");
  await other.click(".conflict button.reload");
  await expect(other.locator(".current-version")).toHaveText(`v${v0 + 2}`);
});
