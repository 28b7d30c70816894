/**
 * The Marketplace listing's icons: renders assets/icon.svg with Chromium into the PNG sizes the
 * store listing asks for, assets/icon-<size>.png, with transparent corners. Run it with
 * `npx tsx scripts/icons.ts` after a change to the SVG; the PNGs are committed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../test/browser/support/browser";
import { chromiumMissingReason } from "../test/browser/support/chromium";

const ASSETS = path.resolve(__dirname, "../assets");

/** The store listing's application icons, in pixels (docs/marketplace.md, "Listing assets"). */
const ICON_SIZES = [128, 32] as const;

async function main(): Promise<void> {
  const missing = chromiumMissingReason();
  if (missing !== null) throw new Error(missing.replace("Browser tests skipped", "No icons rendered"));
  const svg = readFileSync(path.join(ASSETS, "icon.svg"), "utf8");
  const browser = await launchChromium();
  try {
    for (const size of ICON_SIZES) {
      // Drawn at the target size rather than scaled down afterwards, so Chromium places the edges.
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
      );
      const file = path.join(ASSETS, `icon-${size}.png`);
      await page.screenshot({ path: file, omitBackground: true });
      await page.close();
      console.log(path.relative(process.cwd(), file));
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
