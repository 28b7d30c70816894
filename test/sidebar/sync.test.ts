/** @jest-environment jsdom */
import { CHANGED_SINCE_CONFIRMED } from "../../src/messages/sync";
import type { SyncResultView } from "../../src/shared/bridge";
import { POLL_INTERVAL_MS } from "../../src/sidebar/sections/sync";
import { deferred, ServerSentence } from "./support/fakeServer";
import {
  BRAKE_CONFIRMATION,
  completed,
  CONFIRMATION_TOKEN,
  EMPTY_ROSTER_CONFIRMATION,
  HOURLY_LINK,
  linkedTab,
  needsConfirmation,
  OTHER_SHEET_ID,
  PENDING,
  ROSTER_SHEET_ID,
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
  settle,
  shown,
  textOf,
  type,
} from "./support/page";

beforeEach(() => {
  // Two seconds after PENDING.submittedAt.
  jest.useFakeTimers({ now: new Date("2025-03-04T18:00:02.000Z") });
});

afterEach(() => {
  expect(closeSidebars()).toEqual([]);
  jest.useRealTimers();
});

/** Answers in turn, then the last one again. */
function answers<T>(...results: T[]): () => T {
  let next = 0;
  return () => results[Math.min(next++, results.length - 1)]!;
}

/** The sentence `completed()` ends with, built from its counts. */
const DONE = "Sync finished: 2 added, 1 changed, 1 removed, 1 failed.";

async function wait(milliseconds: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(milliseconds);
  await settle();
}

describe("Sync", () => {
  it("asks about the removal brake, naming the people, and sends the question's token the second time", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      startSync: answers<SyncResultView>(needsConfirmation([BRAKE_CONFIRMATION]), completed()),
    });
    const section = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));

    const question = textOf(section.querySelector(".decision")!);
    expect(question).toContain(BRAKE_CONFIRMATION.message);
    for (const person of [
      "Marcus Bell · E1002",
      "Ana Souza · E1019 Row 20 is excluded",
      "Lena Fischer · E1023",
      "Sam Okafor · E1031",
    ]) {
      expect(question).toContain(person);
    }
    expect(errorIn(section)).toBe("");
    // The answers take the action bar's place: they are on screen however long the question is.
    const bar = actionBarOf(root);
    expect(shown(buttonOf(bar, "Sync to Vitable"))).toBe(false);
    expect(shown(buttonOf(bar, "Validate"))).toBe(false);
    expect(shown(buttonOf(bar, "Sync anyway"))).toBe(true);
    expect(shown(buttonOf(bar, "Cancel"))).toBe(true);
    expect(section.querySelectorAll("button")).toHaveLength(0);
    expect(document.activeElement).toBe(section.querySelector(".decision h3"));

    await click(buttonOf(bar, "Sync anyway"));

    expect(server.requestsOf("startSync")).toEqual([
      { sheetId: ROSTER_SHEET_ID, confirmation: null },
      { sheetId: ROSTER_SHEET_ID, confirmation: { token: CONFIRMATION_TOKEN, typedPhrase: null } },
    ]);
    expect(textOf(section)).toContain(DONE);
    expect(shown(buttonOf(bar, "Sync to Vitable"))).toBe(true);
    expect(() => buttonOf(bar, "Sync anyway")).toThrow();
    expect(buttonOf(bar, "Sync to Vitable").disabled).toBe(false);
  });

  it("enables Sync anyway only once the typed phrase matches, and sends what was typed", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      startSync: answers<SyncResultView>(needsConfirmation([EMPTY_ROSTER_CONFIRMATION], { token: "40.0.Ew5sL9aK" }), {
        state: "failed",
        message: "Vitable rejected the roster: the group Acme Logistics Hourly was deleted.",
      }),
    });
    const section = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));
    const typed = inputOf(section, "typed-emptyRoster");
    expect(textOf(section)).toContain('To go ahead, type "REMOVE EVERYONE"');
    const proceed = () => buttonOf(actionBarOf(root), "Sync anyway");
    expect(proceed().disabled).toBe(true);

    type(typed, "REMOVE");
    expect(proceed().disabled).toBe(true);

    type(typed, " remove  everyone ");
    expect(proceed().disabled).toBe(false);
    await click(proceed());

    expect(server.requestsOf("startSync")[1]).toEqual({
      sheetId: ROSTER_SHEET_ID,
      confirmation: { token: "40.0.Ew5sL9aK", typedPhrase: " remove  everyone " },
    });
    expect(textOf(section.querySelector(".card.red.prominent")!)).toBe(
      "Vitable rejected the roster: the group Acme Logistics Hourly was deleted.",
    );
  });

  it("says when the removals changed after the user confirmed, and confirms the new question with its new token", async () => {
    const changed = {
      ...BRAKE_CONFIRMATION,
      message: "This sync would remove 5 people from Acme Logistics Hourly, at or above the removal brake of 3.",
      people: [
        ...BRAKE_CONFIRMATION.people,
        { referenceId: "E1040", name: "Nadia Petrov", reason: "Row 41 is excluded" },
      ],
    };
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      startSync: answers<SyncResultView>(
        needsConfirmation([BRAKE_CONFIRMATION]),
        // Someone excluded a row between the question and the confirmation.
        needsConfirmation([changed], { token: "5.2.Hc7nW1yD", changedSinceConfirmed: true }),
        completed(),
      ),
    });
    const section = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));
    expect(errorIn(section)).toBe("");
    await click(buttonOf(actionBarOf(root), "Sync anyway"));

    const decision = section.querySelector<HTMLElement>(".decision")!;
    const alert = decision.querySelector<HTMLElement>('[role="alert"]')!;
    expect(alert.tagName).toBe("P");
    expect(textOf(alert)).toBe(CHANGED_SINCE_CONFIRMED);
    const cards = [...decision.querySelectorAll(".card")];
    expect(cards).toHaveLength(1);
    expect(alert.compareDocumentPosition(cards[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(textOf(cards[0]!)).toContain(changed.message);
    expect(textOf(cards[0]!)).toContain("Nadia Petrov · E1040 Row 41 is excluded");
    expect(shown(buttonOf(actionBarOf(root), "Sync to Vitable"))).toBe(false);

    await click(buttonOf(actionBarOf(root), "Sync anyway"));

    expect(server.requestsOf("startSync")).toEqual([
      { sheetId: ROSTER_SHEET_ID, confirmation: null },
      { sheetId: ROSTER_SHEET_ID, confirmation: { token: CONFIRMATION_TOKEN, typedPhrase: null } },
      { sheetId: ROSTER_SHEET_ID, confirmation: { token: "5.2.Hc7nW1yD", typedPhrase: null } },
    ]);
    expect(section.querySelector(".decision")).toBeNull();
    expect(textOf(section)).toContain(DONE);
  });

  it("sends nothing more when the user cancels a confirmation", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      startSync: answers<SyncResultView>(needsConfirmation([BRAKE_CONFIRMATION])),
    });
    const section = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));
    await click(buttonOf(actionBarOf(root), "Cancel"));

    expect(section.querySelector(".decision")).toBeNull();
    expect(server.requestsOf("startSync")).toHaveLength(1);
    const sync = buttonOf(actionBarOf(root), "Sync to Vitable");
    expect(shown(sync)).toBe(true);
    expect(sync.disabled).toBe(false);
    expect(document.activeElement).toBe(sync);
  });

  it("follows a submitted sync: elapsed time ticks, checkSync every 2 s until completed, then the results", async () => {
    let stateCalls = 0;
    const { root, server } = await openSidebar({
      getSidebarState: () => {
        stateCalls++;
        return state();
      },
      startSync: () => PENDING,
      checkSync: answers<SyncResultView>(
        { ...PENDING, message: "Still processing: 12 of 44 members done." },
        completed(),
      ),
      selectCell: () => ({}),
    });
    const section = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));

    const progress = () => textOf(section.querySelector(".progress")!);
    expect(progress()).toContain('Syncing "Roster"');
    expect(progress()).toContain("Vitable is processing the roster");
    expect(progress()).toContain(PENDING.message);
    // Counted from the click, not from when Vitable received it.
    expect(textOf(section.querySelector(".elapsed")!)).toBe("Elapsed 0:00");
    expect(buttonOf(actionBarOf(root), "Sync to Vitable").disabled).toBe(true);

    await wait(1000);
    expect(textOf(section.querySelector(".elapsed")!)).toBe("Elapsed 0:01");
    expect(server.requestsOf("checkSync")).toEqual([]);

    await wait(POLL_INTERVAL_MS - 1000);
    expect(server.requestsOf("checkSync")).toEqual([{ sheetId: ROSTER_SHEET_ID }]);
    expect(progress()).toContain("Still processing: 12 of 44 members done.");
    expect(textOf(section.querySelector(".elapsed")!)).toBe("Elapsed 0:02");

    await wait(POLL_INTERVAL_MS);
    expect(server.requestsOf("checkSync")).toHaveLength(2);
    expect(section.querySelector(".progress")).toBeNull();
    expect([...section.querySelectorAll(".outcome .chip")].map(textOf)).toEqual([
      "Added 2",
      "Changed 1",
      "Removed 1",
      "Failed 1",
    ]);
    // Vitable refused someone: finished, but not as asked.
    expect(section.querySelector(".outcome .card.prominent")!.className).toBe("card amber prominent");
    const failures = [...section.querySelectorAll("details")].find(
      (d) => textOf(d.querySelector("summary")!) === "Failed (1)",
    )!;
    expect(failures.open).toBe(true);
    expect(textOf(failures)).toContain(
      "Row 45 · Kofi Mensah · E1046 Not added: Email is at other-org.example, which belongs to another organization.",
    );
    expect(stateCalls).toBe(2);
    expect(buttonOf(actionBarOf(root), "Sync to Vitable").disabled).toBe(false);

    await click(failures.querySelector<HTMLButtonElement>(".cell-link")!);
    expect(server.requestsOf("selectCell")).toEqual([{ sheetId: ROSTER_SHEET_ID, row: 45, column: 1 }]);

    await wait(POLL_INTERVAL_MS * 3);
    expect(server.requestsOf("checkSync")).toHaveLength(2);
  });

  it("picks up a pending sync found when the sidebar opens", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: answers(
        state({
          tab: linkedTab({
            pending: {
              requestId: PENDING.requestId,
              submittedAt: PENDING.submittedAt,
              startedBy: "ops@acme-logistics.example",
            },
          }),
        }),
        state(),
      ),
      checkSync: answers<SyncResultView>(
        PENDING,
        completed({ failures: [], counts: { added: 2, changed: 1, removed: 1, failed: 0, invalid: 0 } }),
      ),
    });
    const section = sectionOf(root, "Sync");
    await wait(0);

    expect(server.requestsOf("checkSync")).toEqual([{ sheetId: ROSTER_SHEET_ID }]);
    expect(section.querySelector(".progress")).not.toBeNull();

    await wait(POLL_INTERVAL_MS);
    expect(server.requestsOf("checkSync")).toHaveLength(2);
    expect(textOf(section)).toContain("Sync finished: 2 added, 1 changed, 1 removed.");
    expect(section.querySelector(".outcome .card.prominent")!.className).toBe("card green prominent");
    expect(section.querySelector(".progress")).toBeNull();
  });

  it("shows its first feedback in the click itself, before the server answers", async () => {
    const answer = deferred<SyncResultView>();
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      validateTab: ({ sheetId }) => validation({ sheetId }),
      startSync: () => answer.promise,
    });
    await click(buttonOf(actionBarOf(root), "Validate"));
    const section = sectionOf(root, "Sync");

    // No await: what the user sees must not wait for a round trip to the server.
    buttonOf(actionBarOf(root), "Sync to Vitable").click();

    expect(textOf(section.querySelector(".progress")!)).toContain(
      `Sending ${validation().summary.ready} people to Vitable…`,
    );
    expect(textOf(section.querySelector(".elapsed")!)).toBe("Elapsed 0:00");
    expect(buttonOf(actionBarOf(root), "Sync to Vitable").disabled).toBe(true);
    answer.resolve(completed());
    await settle();
    expect(textOf(section)).toContain(DONE);
  });

  it("shows a failed check next to the progress, with a way to check again", async () => {
    let reachable = false;
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      startSync: () => PENDING,
      checkSync: () => {
        if (!reachable) throw new ServerSentence("Vitable could not be reached. Check again in a minute.");
        return completed();
      },
    });
    const section = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));
    await wait(POLL_INTERVAL_MS);
    expect(errorIn(section)).toBe("Vitable could not be reached. Check again in a minute.");

    await wait(POLL_INTERVAL_MS * 2);
    expect(server.requestsOf("checkSync")).toHaveLength(1);

    reachable = true;
    await click(buttonOf(section, "Check again"));
    expect(errorIn(section)).toBe("");
    expect(textOf(section)).toContain("Sync finished");
  });

  it("shows a blocked sync's sentence prominently, with each guard and its people", async () => {
    const message = "Nothing was sent: this sync would remove 4 people, at or above the removal brake.";
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      startSync: () => ({
        state: "blocked",
        tabName: "Roster",
        message,
        blocks: [{ guard: "removalBrake", message: BRAKE_CONFIRMATION.message, people: BRAKE_CONFIRMATION.people }],
      }),
    });
    const section = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));

    expect(textOf(section.querySelector(".card.prominent")!)).toBe(message);
    expect(textOf(section.querySelector(".card.red:not(.prominent)")!)).toContain("Sam Okafor · E1031");
  });

  it("shows why a sync could not start next to the button", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      startSync: () => {
        throw new ServerSentence(
          "A sync of this spreadsheet is already running. Wait for it to finish, then try again.",
        );
      },
    });
    const section = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));

    expect(errorIn(section)).toBe(
      "A sync of this spreadsheet is already running. Wait for it to finish, then try again.",
    );
    expect(buttonOf(actionBarOf(root), "Sync to Vitable").disabled).toBe(false);
  });

  it("shows the tab on screen: another tab's sync in progress is no longer followed there", async () => {
    let active = state();
    const { root, server } = await openSidebar({
      getSidebarState: () => active,
      startSync: () => PENDING,
      checkSync: () => completed(),
    });
    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));

    active = state({ tab: tab({ sheetId: OTHER_SHEET_ID, name: "Salaried", link: HOURLY_LINK }) });
    window.dispatchEvent(new Event("focus"));
    await settle();
    await wait(POLL_INTERVAL_MS);

    expect(server.requestsOf("checkSync")).toEqual([]);
    const section = sectionOf(root, "Sync");
    expect(section.querySelector(".progress")).toBeNull();
    expect(textOf(section)).not.toContain("Roster");
    expect(buttonOf(actionBarOf(root), "Sync to Vitable").disabled).toBe(false);
  });
});
