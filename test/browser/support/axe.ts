import type { AxeResults, RunOptions } from "axe-core";
import type { Frame, Page } from "playwright-core";

const AXE_PATH = require.resolve("axe-core/axe.min.js");

/** The rules the sidebar is held to: WCAG 2.1 A and AA, and axe's best practices. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** The sidebar's frame (its iframe in the preview's sidebar pane). */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('aside[aria-label="Sidebar"] iframe').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error("The sidebar's frame is not there.");
  return frame;
}

/** axe-core's violations in the sidebar as it is now (frameViolations). */
export async function axeViolations(page: Page): Promise<string[]> {
  return frameViolations(await sidebarFrame(page));
}

/**
 * Runs axe-core in `frame` (the sidebar's, or a dialog's) as it is now and returns each violation
 * as one line (rule, what it is about, the first elements), so a failing test says what to fix.
 * axe is injected once.
 */
export async function frameViolations(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate(() => "axe" in window))) await frame.addScriptTag({ path: AXE_PATH });
  return frame.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } };
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
  }, TAGS);
}
