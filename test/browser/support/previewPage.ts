import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, ConsoleMessage, FrameLocator, Page } from "playwright-core";

/** A browser window on the preview, and everything the page and the sidebar log as errors. */
export interface PreviewWindow {
  readonly page: Page;
  /** The add-on's sidebar, inside its iframe. */
  readonly sidebar: FrameLocator;
  /** Errors logged by the page or the sidebar since the last call, oldest first; the list is then emptied. */
  takeConsoleErrors(): string[];
  close(): Promise<void>;
}

/** A window as wide as a laptop's, so the grid, the sidebar and the Vitable panel all fit. */
const VIEWPORT = { width: 1440, height: 900 };

export async function openPreviewWindow(
  browser: Browser,
  url: string,
  options: { deviceScaleFactor?: number } = {},
): Promise<PreviewWindow> {
  const context: BrowserContext = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    // Times in the sidebar are shown in the browser's zone and locale: keep them the same everywhere.
    locale: "en-US",
    timezoneId: "America/Los_Angeles",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  // Both events cover every frame of the page, so the sidebar's iframe too.
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") errors.push(`console error in ${message.location().url}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught error: ${error.stack ?? error.message}`));
  await page.goto(url);
  return {
    page,
    sidebar: page.frameLocator('aside[aria-label="Sidebar"] iframe'),
    takeConsoleErrors: () => errors.splice(0, errors.length),
    close: () => context.close(),
  };
}

/** Saves a screenshot of the whole window as `<dir>/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, dir: string, name: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
