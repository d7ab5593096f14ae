import { expect, Page } from "@playwright/test";
import { Guard, hydrated } from "../support";

/**
 * Signs a demo member in like `memberLogin`, but when another spec asked
 * for the phone's code in the last minute (the resend cooldown), waits the
 * cooldown out and asks again, so the quote specs hold in any order.
 * Tests that use it give themselves two minutes.
 */
export async function memberSignIn(page: Page, guard: Guard, portal: "h5" | "portal", phone: string) {
  guard.allow(/status of 429 .*\/api\/request_login_code$/);
  await page.goto(`/${portal}/login`);
  await hydrated(page);
  await page.fill("#f-phone", phone);
  await page.click("button.send-code");
  const sent = page.locator(".code-sent");
  const cooling = page.locator(".code-cooldown");
  await expect(sent.or(cooling)).toBeVisible();
  if (await cooling.isVisible()) {
    const secs = Number((await cooling.textContent())!.match(/(\d+)/)![1]);
    await page.waitForTimeout((secs + 1) * 1000);
    await page.reload();
    await hydrated(page);
    await page.fill("#f-phone", phone);
    await page.click("button.send-code");
  }
  await expect(sent).toContainText(/\d{6}/);
  const code = (await sent.textContent())!.match(/(\d{6})/)![1];
  await page.fill("#f-code", code);
  await page.click("button[type=submit]");
  await page.waitForURL(new RegExp(`/${portal}$`));
  await hydrated(page);
}
