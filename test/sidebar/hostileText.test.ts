/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { GroupView, LogEntryView, SyncResultView } from "../../src/shared/bridge";
import { ROOT } from "../support/buildBundle";
import { ServerSentence } from "./support/fakeServer";
import {
  completed,
  CONFIRMATION_TOKEN,
  DAILY_SCHEDULE,
  LOG_ENTRY,
  needsConfirmation,
  OTHER_SHEET_ID,
  preview,
  state,
  tab,
  validation,
} from "./support/fixtures";
import {
  actionBarOf,
  buttonOf,
  click,
  closeSidebars,
  errorIn,
  inputOf,
  openSidebar,
  sectionOf,
  type,
} from "./support/page";

/**
 * Text from the server (group names, plan and person names, Vitable's failure reasons, the
 * add-on's messages, which quote what users typed) can hold markup, direction overrides, formulas
 * and very long words. The sidebar must show it as text in every section that shows it: no
 * element made from it, every character kept, and long words wrapped inside the 300 px sidebar.
 */

const MARKUP = {
  image: '<img src=x onerror="window.__hostile=1">',
  script: "<script>window.__hostile=2</script>",
  quotes: `"'><b onmouseover="window.__hostile=3">bold</b>`,
  frame: '<iframe src="javascript:window.__hostile=4"></iframe>',
  svg: '<svg onload="window.__hostile=5"><circle r="9"/></svg>',
  entities: "&lt;b&gt; is not bold &amp; stays as typed",
};
const RIGHT_TO_LEFT = "\u202Eexe.ssalc\u202C שלום";
const FORMULA = '=HYPERLINK("https://evil.example","Open")';
const EMOJI = "👩\u200D👩\u200D👧\u200D👦 Família Ñúñez 🌻";
/** 5,000 characters without a space to wrap at. */
const LONG = "Unbroken".repeat(625);

/** Elements only markup in the text could make: the sidebar itself builds none of them. */
const MADE_FROM_MARKUP = "img, script, iframe, svg, circle, b";

afterEach(() => {
  expect(closeSidebars()).toEqual([]);
  delete (window as { __hostile?: unknown }).__hostile;
});

/** Nothing in the page was made from the text, and none of its code ran. */
function expectInert(): void {
  expect(document.querySelectorAll(MADE_FROM_MARKUP)).toHaveLength(0);
  const withHandlers = [...document.querySelectorAll("*")].filter((element) =>
    [...element.attributes].some((attribute) => attribute.name.startsWith("on")),
  );
  expect(withHandlers).toEqual([]);
  expect((window as { __hostile?: unknown }).__hostile).toBeUndefined();
}

/** Each text appears in `within` exactly as the server sent it. */
function expectShown(within: HTMLElement, ...texts: string[]): void {
  for (const text of texts) expect(within.textContent).toContain(text);
}

// ---- The layout rules a long word must meet -------------------------------------------------------

interface CssRule {
  selector: string;
  declarations: Map<string, string>;
}

// The sidebar's styles as built: the shared page styles it imports, then its own.
const CSS_RULES: CssRule[] = [
  ...["src/ui/page.css", "src/sidebar/styles.css"]
    .map((file) => readFileSync(path.join(ROOT, file), "utf8"))
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/@import[^;]*;/g, "")
    .matchAll(/([^{}]+)\{([^{}]*)\}/g),
].map(([, selector = "", body = ""]) => ({
  selector: selector.trim(),
  declarations: new Map(
    body
      .split(";")
      .map((declaration) => declaration.split(":").map((part) => part.trim()))
      .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== ""),
  ),
}));

function rulesFor(element: Element): CssRule[] {
  return CSS_RULES.filter((rule) => {
    try {
      return element.matches(rule.selector);
    } catch {
      // Pseudo-elements and keyframe steps select no element.
      return false;
    }
  });
}

/**
 * Declarations that would keep a long word on one line, pushing the sidebar wider than 300 px.
 * A one-line summary cut with "…" (the header, a folded section) stays inside it.
 */
function keepsOnOneLine(rule: CssRule): boolean {
  const whiteSpace = rule.declarations.get("white-space");
  const wrap = rule.declarations.get("overflow-wrap") ?? rule.declarations.get("word-wrap");
  const cut = rule.declarations.get("overflow") === "hidden" && rule.declarations.get("text-overflow") === "ellipsis";
  return !cut && (whiteSpace === "nowrap" || whiteSpace === "pre" || wrap === "normal");
}

/**
 * Every place `text` is shown wraps anywhere: the page's body says `overflow-wrap: anywhere`,
 * which every element inherits, and nothing between the text and the body turns it off; in a
 * list, the list scrolls past its height instead of growing without end.
 */
function expectWrapped(text: string): void {
  expect(rulesFor(document.body).some((rule) => rule.declarations.get("overflow-wrap") === "anywhere")).toBe(true);
  const holders: Element[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if ((walker.currentNode.textContent ?? "").includes(text)) holders.push(walker.currentNode.parentElement!);
  }
  expect(holders.length).toBeGreaterThan(0);
  for (const holder of holders) {
    for (let element: Element | null = holder; element !== null; element = element.parentElement) {
      expect(
        rulesFor(element)
          .filter(keepsOnOneLine)
          .map((rule) => rule.selector),
      ).toEqual([]);
    }
    const list = holder.closest(".list");
    if (list !== null) {
      const declared = rulesFor(list).flatMap((rule) => [...rule.declarations]);
      expect(declared).toEqual(
        expect.arrayContaining([
          ["max-height", "240px"],
          ["overflow-y", "auto"],
        ]),
      );
    }
  }
}

// ---- Fixtures with hostile text in every field the sidebar shows ----------------------------------

const HOSTILE_GROUPS: GroupView[] = [
  { id: "grp_markup", name: MARKUP.image, externalReferenceId: MARKUP.script, linkedTab: null },
  { id: "grp_rtl", name: RIGHT_TO_LEFT, externalReferenceId: FORMULA, linkedTab: null },
  {
    id: "grp_long",
    name: LONG,
    externalReferenceId: EMOJI,
    linkedTab: { sheetId: OTHER_SHEET_ID, name: MARKUP.frame },
  },
];

const HOSTILE_LOG: LogEntryView = {
  ...LOG_ENTRY,
  tab: MARKUP.svg,
  group: RIGHT_TO_LEFT,
  startedBy: MARKUP.quotes,
  outcome: "failed",
  detail: LONG,
};

describe("hostile text in the sidebar", () => {
  it("knows the rules that keep text on one line: the chips', which hold only labels and counts", () => {
    expect(CSS_RULES.filter(keepsOnOneLine).map((rule) => rule.selector)).toContain(".chip");
  });

  it("shows group names, reference IDs and linked tabs in the group picker as text", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state({ tab: tab({ name: MARKUP.entities }), user: MARKUP.quotes }),
      listGroups: () => ({ groups: HOSTILE_GROUPS }),
      createGroup: ({ name, externalReferenceId }) => ({ id: "grp_new", name, externalReferenceId, linkedTab: null }),
    });
    const section = sectionOf(root, "This tab");

    // Who is signed in is said in the Connection section; the tab's name in the header.
    expectShown(sectionOf(root, "Connection"), MARKUP.quotes);
    expectShown(root.querySelector<HTMLElement>(".where")!, MARKUP.entities);
    expectShown(section, ...HOSTILE_GROUPS.flatMap((group) => [group.name, group.externalReferenceId]));
    expectShown(section, `Linked to the tab "${MARKUP.frame}"`);
    expectWrapped(LONG);

    type(inputOf(section, "groupSearch"), MARKUP.svg);
    expectShown(section, `No group's name or group reference contains "${MARKUP.svg}".`);

    type(inputOf(section, "groupSearch"), "");
    type(inputOf(section, "groupName"), MARKUP.script);
    type(inputOf(section, "groupReferenceId"), EMOJI);
    await click(buttonOf(section, "Create group"));
    expectShown(section, `Created "${MARKUP.script}".`);
    expectInert();
  });

  it("shows the linked group's name and reference ID as text, also in the rename field", async () => {
    const { root } = await openSidebar({
      getSidebarState: () =>
        state({ tab: tab({ link: { groupId: "grp_markup", groupName: LONG, externalReferenceId: MARKUP.image } }) }),
    });
    const section = sectionOf(root, "This tab");

    expectShown(section, LONG, `Group reference: ${MARKUP.image}`);
    expectWrapped(LONG);

    await click(buttonOf(section, "Rename"));
    expect(inputOf(section, "newGroupName").value).toBe(LONG);
    expectInert();
  });

  it("shows the problems validation found, and a header problem, as text", async () => {
    const answers = [
      validation({
        problemCount: 3,
        problems: [
          { row: 12, column: 6, columnLabel: MARKUP.image, message: `${MARKUP.image} ${MARKUP.script}` },
          { row: 13, column: 4, columnLabel: "=DOB", message: `=DOB "${FORMULA}" is not a date the add-on can read.` },
          { row: 14, column: 2, columnLabel: "First Name", message: LONG },
        ],
      }),
      validation({ headerProblem: `The tab is missing the column ${MARKUP.svg}.`, problems: [], problemCount: 0 }),
    ];
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      validateTab: () => answers.shift()!,
    });
    const section = sectionOf(root, "Validate");

    await click(buttonOf(actionBarOf(root), "Validate"));
    expectShown(
      section,
      `Row 12 · ${MARKUP.image} — ${MARKUP.image} ${MARKUP.script}`,
      `Row 13 · =DOB — =DOB "${FORMULA}" is not a date the add-on can read.`,
      LONG,
    );
    expectWrapped(LONG);
    expectInert();

    await click(buttonOf(actionBarOf(root), "Validate"));
    expectShown(section, `The tab is missing the column ${MARKUP.svg}.`);
    expectInert();
  });

  it("shows a server's sentence that failed an action as text", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      validateTab: () => {
        throw new ServerSentence(`${MARKUP.frame} ${RIGHT_TO_LEFT}`);
      },
    });
    const section = sectionOf(root, "Validate");

    await click(buttonOf(actionBarOf(root), "Validate"));

    expect(errorIn(section)).toContain(`${MARKUP.frame} ${RIGHT_TO_LEFT}`);
    expectInert();
  });

  it("shows the preview's people, reasons and guards as text", async () => {
    const person = (row: number, name: string, referenceId: string) => ({ row, name, referenceId });
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      previewSync: () =>
        preview({
          groupName: MARKUP.quotes,
          counts: { added: 2, changed: 1, unchanged: 0, removed: 1, excluded: 1, invalid: 1 },
          added: [person(2, MARKUP.image, MARKUP.script), person(3, LONG, EMOJI)],
          changed: [person(4, RIGHT_TO_LEFT, FORMULA)],
          removed: [{ referenceId: MARKUP.svg, name: MARKUP.frame, reason: LONG }],
          excluded: [person(5, MARKUP.entities, "E-5")],
          invalid: [{ row: 6, referenceId: "+1+1", name: EMOJI, problem: `=Phone ${MARKUP.script}`, removes: true }],
          decision: {
            kind: "confirm",
            confirmations: [
              {
                guard: "removalBrake",
                message: `${MARKUP.image} would be removed`,
                people: [{ referenceId: "@SUM(1)", name: MARKUP.quotes, reason: RIGHT_TO_LEFT }],
                typedPhrase: null,
              },
            ],
            token: CONFIRMATION_TOKEN,
          },
        }),
    });
    const section = sectionOf(root, "Preview");

    await click(buttonOf(actionBarOf(root), "Preview"));

    expectShown(
      section,
      `"${MARKUP.quotes}"`,
      MARKUP.image,
      MARKUP.script,
      LONG,
      EMOJI,
      RIGHT_TO_LEFT,
      FORMULA,
      MARKUP.svg,
      MARKUP.frame,
      MARKUP.entities,
      `=Phone ${MARKUP.script}`,
    );
    expectWrapped(LONG);
    expectInert();
  });

  it("shows a sync's confirmation, failures, added and removed people as text", async () => {
    const answers: SyncResultView[] = [
      needsConfirmation([
        {
          guard: "invalidRowRemoves",
          message: `${MARKUP.svg} on row 6`,
          people: [{ referenceId: FORMULA, name: LONG, reason: MARKUP.script }],
          typedPhrase: null,
        },
      ]),
      completed({
        message: MARKUP.quotes,
        counts: { added: 1, changed: 0, removed: 1, failed: 2, invalid: 0 },
        added: [{ referenceId: MARKUP.image, name: EMOJI, row: 7 }],
        removed: [{ referenceId: "-2+3", name: RIGHT_TO_LEFT, row: null }],
        failures: [
          { referenceId: "E-8", name: MARKUP.frame, row: 8, operation: "add", reason: LONG },
          { referenceId: MARKUP.entities, name: "", row: null, operation: "remove", reason: MARKUP.image },
        ],
      }),
    ];
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      startSync: () => answers.shift()!,
    });
    const section = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));
    expectShown(section, `${MARKUP.svg} on row 6`, FORMULA, LONG, MARKUP.script);
    expectWrapped(LONG);
    expectInert();

    await click(buttonOf(actionBarOf(root), "Sync anyway"));
    expectShown(
      section,
      MARKUP.image,
      EMOJI,
      RIGHT_TO_LEFT,
      MARKUP.frame,
      `Not added: ${LONG}`,
      MARKUP.entities,
      `Not removed: ${MARKUP.image}`,
    );
    expectWrapped(LONG);
    expectInert();
  });

  it("shows a failed sync's sentence as text", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      startSync: () => ({ state: "failed", message: `Vitable rejected the roster: ${MARKUP.script}${LONG}` }),
    });
    const section = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));

    expectShown(section, `Vitable rejected the roster: ${MARKUP.script}${LONG}`);
    expectWrapped(LONG);
    expectInert();
  });

  it("shows the history, the last sync and the schedule's last run as text", async () => {
    const { root } = await openSidebar({
      getSidebarState: () =>
        state({
          tab: tab({ link: { groupId: "grp_x", groupName: EMOJI, externalReferenceId: "X" }, lastSync: HOSTILE_LOG }),
          history: [HOSTILE_LOG, { ...LOG_ENTRY, group: MARKUP.image, detail: FORMULA }],
          schedule: {
            ...DAILY_SCHEDULE,
            ownedByYou: false,
            runsAs: MARKUP.frame,
            lastRun: { at: DAILY_SCHEDULE.lastRun!.at, outcome: "blocked", message: `${MARKUP.quotes} ${LONG}` },
          },
        }),
    });

    expectShown(
      sectionOf(root, "Recent history"),
      MARKUP.svg,
      RIGHT_TO_LEFT,
      MARKUP.quotes,
      LONG,
      MARKUP.image,
      FORMULA,
    );
    expectShown(sectionOf(root, "Sync"), LONG);
    expectShown(sectionOf(root, "Schedule"), `Runs as ${MARKUP.frame}.`, `${MARKUP.quotes} ${LONG}`);
    expectWrapped(LONG);
    expectInert();
  });
});
