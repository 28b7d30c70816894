import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * What Google's Marketplace review is given from this repository: icons and listing screenshots
 * of the sizes the store listing asks for, a listing that justifies every scope the manifest
 * requests, and policy pages (like every page of the README and docs/) that point only at files
 * the repository holds.
 */

const ROOT = path.resolve(__dirname, "../..");
/** The README and every page under docs/, which link only files of the repository. */
const DOCS = [
  "README.md",
  ...readdirSync(path.join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name.split(path.sep).join("/")}`),
];
const LISTING_SCREENSHOTS = "docs/marketplace/screenshots";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's width and height, from its IHDR chunk, which must come first after the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(path.join(ROOT, file));
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG.`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function read(file: string): string {
  return readFileSync(path.join(ROOT, file), "utf8");
}

/** The Markdown without code blocks and code spans, where URLs are names (a scope), not links. */
function outsideCode(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/(`+)[\s\S]*?\1/g, "");
}

/** Every link target: [text](target), [label]: target, <autolink> and bare web addresses. */
function linkTargets(markdown: string): string[] {
  const text = outsideCode(markdown);
  const targets: string[] = [];
  for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(match[1]!);
  for (const match of text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) targets.push(match[1]!);
  for (const match of text.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) targets.push(match[1]!);
  for (const match of text.matchAll(/\b(?:https?:\/\/|www\.)[^\s)>\]]+/gi)) targets.push(match[0]);
  return targets;
}

/** Why `target`, linked from `file`, is not a file of the repository, or null when it is one. */
function notARepositoryFile(file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//") || target.startsWith("www.")) {
    return "leaves the repository";
  }
  const [pathPart] = target.split("#");
  if (pathPart === undefined || pathPart === "") return null; // a heading of the same page
  const resolved = path.resolve(path.dirname(path.join(ROOT, file)), decodeURIComponent(pathPart));
  if (path.relative(ROOT, resolved).startsWith("..")) return "points outside the repository";
  return existsSync(resolved) ? null : "names no file";
}

describe("the Marketplace listing's images", () => {
  it("has the application icons at 128×128 and 32×32", () => {
    expect(pngSize("assets/icon-128.png")).toEqual({ width: 128, height: 128 });
    expect(pngSize("assets/icon-32.png")).toEqual({ width: 32, height: 32 });
  });

  it("has at least three listing screenshots, each exactly 1280×800", () => {
    const screenshots = readdirSync(path.join(ROOT, LISTING_SCREENSHOTS)).filter((name) => name.endsWith(".png"));
    expect(screenshots.length).toBeGreaterThanOrEqual(3);
    for (const name of screenshots) {
      expect({ name, ...pngSize(`${LISTING_SCREENSHOTS}/${name}`) }).toEqual({ name, width: 1280, height: 800 });
    }
  });

  it("lists every screenshot and icon in docs/marketplace.md", () => {
    const listing = read("docs/marketplace.md");
    const screenshots = readdirSync(path.join(ROOT, LISTING_SCREENSHOTS)).filter((name) => name.endsWith(".png"));
    for (const file of [...screenshots.map((name) => `marketplace/screenshots/${name}`), "../assets/icon-128.png"]) {
      expect(linkTargets(listing)).toContain(file);
    }
  });
});

describe("the listing's scopes", () => {
  it("names every OAuth scope of appsscript.json in docs/marketplace.md", () => {
    const { oauthScopes } = JSON.parse(read("appsscript.json")) as { oauthScopes: string[] };
    const listing = read("docs/marketplace.md");
    expect(oauthScopes.length).toBeGreaterThan(0);
    expect(oauthScopes.filter((scope) => !listing.includes(`\`${scope}\``))).toEqual([]);
  });
});

describe("the README and the docs", () => {
  it.each(DOCS)("%s links only files inside the repository", (file) => {
    const targets = linkTargets(read(file));
    const wrong = targets
      .map((target) => ({ target, problem: notARepositoryFile(file, target) }))
      .filter(({ problem }) => problem !== null);
    expect(wrong).toEqual([]);
  });

  it.each(["docs/privacy.md", "docs/terms.md"])("%s lists what the business must supply in one place", (file) => {
    const text = read(file);
    expect(text).toContain("## What the business still needs to supply");
    expect(text).not.toMatch(/\bTODO\b/);
  });

  it("tells a link out of the repository from a file in it", () => {
    const sample = [
      "See [the terms](terms.md), [a shot](marketplace/screenshots/1-validate.png#top) and [here](#retention).",
      "Not [Google](https://developers.google.com), <https://example.com>, www.example.com or [up](../../etc/passwd).",
      "A scope in code is a name: `https://www.googleapis.com/auth/spreadsheets`.",
    ].join("\n");
    const problems = Object.fromEntries(
      linkTargets(sample).map((target) => [target, notARepositoryFile("docs/privacy.md", target)]),
    );
    expect(problems).toEqual({
      "terms.md": null,
      "marketplace/screenshots/1-validate.png#top": null,
      "#retention": null,
      "https://developers.google.com": "leaves the repository",
      "https://example.com": "leaves the repository",
      "www.example.com": "leaves the repository",
      "../../etc/passwd": "points outside the repository",
    });
  });
});
