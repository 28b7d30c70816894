/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildBundle } from "../support/buildBundle";
import { fakeServer, installServer } from "./support/fakeServer";
import { state } from "./support/fixtures";
import { settle, textOf } from "./support/page";

/** dist/Sidebar.html as `npm run build` writes it: the file HtmlService.createHtmlOutputFromFile("Sidebar") serves. */
const html = readFileSync(path.join(buildBundle().dir, "Sidebar.html"), "utf8");
const page = new DOMParser().parseFromString(html, "text/html");

describe("the built Sidebar.html", () => {
  it("is one self-contained page: one inline style, one inline script, nothing loaded from elsewhere", () => {
    expect(page.querySelectorAll("style")).toHaveLength(1);
    expect(page.querySelectorAll("script")).toHaveLength(1);
    expect(page.querySelectorAll("script[src], link, iframe, img, [href]")).toHaveLength(0);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i);
    expect(page.querySelector("style")!.textContent).toContain("#1a73e8");
  });

  it("keeps the whole script inside its <script> element", () => {
    const script = page.querySelector("script")!.textContent;
    const raw = html.slice(html.indexOf("<script>") + "<script>".length, html.lastIndexOf("</script>"));

    expect(script).toBe(raw);
    expect(script.length).toBeGreaterThan(10_000);
    expect(script).not.toMatch(/<\/script/i);
  });

  it("runs: the page's script opens the sidebar over google.script.run", async () => {
    const server = fakeServer({ getSidebarState: () => state() });
    installServer(server);
    const script = document.createElement("script");
    script.textContent = page.querySelector("script")!.textContent;

    document.body.appendChild(script);
    await settle();

    expect(server.requestsOf("getSidebarState")).toEqual([{}]);
    expect(server.problems).toEqual([]);
    expect(textOf(document.querySelector(".topbar")!)).toBe(
      "Vitable Roster Sync Roster → Acme Logistics Hourly Production Help ↻",
    );
    expect([...document.querySelectorAll("section h2")].map(textOf)).toContain("Sync");
  });
});
