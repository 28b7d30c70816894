import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { startPreview, type PreviewOptions, type RunningPreview } from "../../../sandbox/preview/server";
import { buildBundle } from "../../support/buildBundle";
import { launchChromium } from "./browser";
import { openPreviewWindow, saveScreenshot, type PreviewWindow } from "./previewPage";

/** A browser test file gets about a minute on a 2-core machine; each of its tests at most that. */
export const BROWSER_TEST_TIMEOUT_MS = 60_000;

const SCREENSHOTS = path.resolve(__dirname, "../screenshots");

export interface PreviewFixture {
  readonly page: Page;
  readonly sidebar: FrameLocator;
  /** Saves a screenshot of the window as `test/browser/screenshots/<file>/<nn>-<name>.png`. */
  snap(name: string): Promise<void>;
}

/**
 * For one test file: a preview on a fresh data folder and one Chromium, started before its tests
 * and closed after them. Every test fails if the page or the sidebar logged an error meanwhile.
 */
export function usePreview(options: {
  seed: NonNullable<PreviewOptions["seed"]>;
  /** The folder of this file's screenshots, under test/browser/screenshots/. */
  screenshots: string;
  /** Runs on the preview's empty data folder before the preview starts, e.g. to fill the emulated Vitable. */
  prepare?: (dataDir: string) => Promise<void>;
}): PreviewFixture {
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  const dataDir = mkdtempSync(path.join(tmpdir(), "vitable-preview-"));
  let preview: RunningPreview | undefined;
  let browser: Browser | undefined;
  let window: PreviewWindow | undefined;
  let bundleDir: string | undefined;
  let shots = 0;

  beforeAll(async () => {
    await options.prepare?.(dataDir);
    // Built here, not by the preview: jest's module loader cannot import scripts/build.mjs.
    const bundle = buildBundle();
    bundleDir = bundle.dir;
    preview = await startPreview({ port: 0, dataDir, seed: options.seed, projectDir: bundle.dir });
    browser = await launchChromium();
    window = await openPreviewWindow(browser, preview.url);
  });

  afterEach(() => {
    const errors = window?.takeConsoleErrors() ?? [];
    if (errors.length > 0) throw new Error(`The browser logged ${errors.length} error(s):\n${errors.join("\n")}`);
  });

  afterAll(async () => {
    await window?.close();
    await browser?.close();
    await preview?.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (bundleDir) {
      rmSync(bundleDir, { recursive: true, force: true });
      rmSync(`${bundleDir}-inputs.json`, { force: true });
    }
  });

  const opened = (): PreviewWindow => {
    if (!window) throw new Error("The preview window is not open: its beforeAll failed.");
    return window;
  };
  return {
    get page() {
      return opened().page;
    },
    get sidebar() {
      return opened().sidebar;
    },
    async snap(name) {
      shots++;
      await saveScreenshot(
        opened().page,
        path.join(SCREENSHOTS, options.screenshots),
        `${String(shots).padStart(2, "0")}-${name}`,
      );
    },
  };
}
