// Playwright helpers for VS Code's workbench (selectors from docs seen working in 1.139).
import type { FrameLocator, Locator, Page } from 'playwright-core';

export const EXTENSION_ID = 'ari-explorer.ari-explorer';

export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
}

export function activityBarEntry(page: Page, title: string): Locator {
  return page.locator(`.activitybar .action-item a.action-label[aria-label^="${title}"]`);
}

/** Opens the "ARI" view container (clicks its activity-bar entry unless it is already shown). */
export async function openAriContainer(page: Page): Promise<void> {
  const entry = activityBarEntry(page, 'ARI');
  await entry.waitFor({ state: 'visible', timeout: 30_000 });
  const title = sidebar(page).locator('.composite.title', { hasText: /^ARI/ });
  // isVisible() does not wait: a click would toggle an already open container closed.
  if (!(await title.isVisible())) await entry.click();
  await title.waitFor({ state: 'visible' });
}

export function sidebar(page: Page): Locator {
  return page.locator('[id="workbench.parts.sidebar"]');
}

export function treeRows(page: Page): Locator {
  return sidebar(page).locator('.monaco-list-row[role="treeitem"]');
}

/** Runs a command from the palette by its title ("ARI: Add Connection…"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await input.press('Enter');
}

/** The quick input box, for answering a multi-step input. */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/** Types an answer into the quick input, after waiting for `expect` (title, prompt or placeholder). */
export async function answerQuickInput(page: Page, value: string, expect?: string | RegExp): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  // The prompt is either text in the widget (title, message) or the input's placeholder.
  if (expect !== undefined) {
    await widget.filter({ hasText: expect }).or(widget.getByPlaceholder(expect)).first().waitFor({ state: 'visible' });
  }
  const input = quickInput(page);
  await input.waitFor({ state: 'visible' });
  await input.fill(value);
  await input.press('Enter');
}

export function notifications(page: Page): Locator {
  return page.locator('.notifications-toasts .notification-toast .notification-list-item-message');
}

export function statusBarItem(page: Page, text: string | RegExp): Locator {
  return page.locator('[id="workbench.parts.statusbar"] .statusbar-item', { hasText: text });
}

/** The content of a webview (view or panel) of this extension. */
export function webview(page: Page): FrameLocator {
  return page.frameLocator(`iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"]`).frameLocator('iframe#active-frame');
}

/**
 * Right-clicks `target` and runs the context-menu entry `item`. The entry is focused by
 * hovering and run with Enter: a click right after the menu opens can be swallowed while it
 * is still animating in.
 */
export async function runContextMenu(page: Page, target: Locator, item: string | RegExp): Promise<void> {
  await target.click({ button: 'right' });
  const entry = page.getByRole('menuitem', { name: item });
  await entry.waitFor({ state: 'visible' });
  await entry.hover();
  await page
    .locator('.monaco-menu .action-item.focused', { has: entry })
    .or(page.locator('.monaco-menu .action-item.focused').filter({ hasText: item }))
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await entry.waitFor({ state: 'hidden' });
}
