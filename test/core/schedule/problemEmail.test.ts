import { problemEmail } from "../../../src/core/schedule/problemEmail";
import type { LogEntryView } from "../../../src/shared/bridge";

const NO_COUNTS = { added: 0, changed: 0, removed: 0, failed: 0, invalid: 0 };
const URL = "https://docs.google.com/spreadsheets/d/sheet-hr/edit";
/** 14:05 UTC on March 9, 2026: 10:05 AM in New York, on daylight time since March 8. */
const RAN = { ranAt: Date.UTC(2026, 2, 9, 14, 5), timeZone: "America/New_York" };

const entry = (fields: Partial<LogEntryView>): LogEntryView => ({
  at: "2026-03-09T14:05:00Z",
  tab: "Roster",
  group: "Acme Tier 1",
  startedBy: "Schedule (hr@example.com)",
  counts: NO_COUNTS,
  requestId: "",
  outcome: "completed",
  detail: "",
  ...fields,
});

const blocked = entry({
  outcome: "blocked",
  detail:
    "This sync would remove 12 people, more than the brake allows (3). Review the preview and sync the tab yourself.",
});
const failed = entry({
  tab: "Contractors",
  group: "Acme Contractors",
  outcome: "failed",
  detail: "Vitable rejected the API key. Connect again with a new key.",
});

describe("problemEmail", () => {
  it("says which spreadsheet's scheduled sync was blocked, why, what to do, and links the spreadsheet", () => {
    const email = problemEmail({ spreadsheetName: "HR Roster", spreadsheetUrl: URL, ...RAN, entries: [blocked] });
    expect(email.subject).toBe('Vitable Roster Sync: the scheduled sync of "HR Roster" was blocked');
    expect(email.body).toContain(
      'The scheduled Vitable sync of the spreadsheet "HR Roster" on Mar 9, 2026, 10:05 AM EDT was blocked.',
    );
    expect(email.body).toContain(`- Tab "Roster" (Vitable group "Acme Tier 1"): blocked. ${blocked.detail}`);
    expect(email.body).toMatch(/a blocked tab is not synced until you act/);
    expect(email.body).toContain(`Open the spreadsheet: ${URL}`);
    expect(email.body).not.toMatch(/failed tab/);
  });

  it("puts a failure first in the subject and gives advice for each kind of problem", () => {
    const email = problemEmail({
      spreadsheetName: "HR Roster",
      spreadsheetUrl: URL,
      ...RAN,
      entries: [blocked, failed],
    });
    expect(email.subject).toBe('Vitable Roster Sync: the scheduled sync of "HR Roster" failed');
    expect(email.body).toContain(`- Tab "Contractors" (Vitable group "Acme Contractors"): failed. ${failed.detail}`);
    expect(email.body).toMatch(/a blocked tab is not synced until you act/);
    expect(email.body).toMatch(/The next scheduled run tries a failed tab again/);
    expect(email.body.indexOf("a blocked tab")).toBeLessThan(email.body.indexOf("failed tab again"));
  });

  it("reports the other tabs of the run too, with their counts in words", () => {
    const synced = entry({ tab: "Temps", group: "Temps", counts: { ...NO_COUNTS, added: 2, removed: 1, invalid: 3 } });
    const unchanged = entry({ tab: "Interns", group: "Interns" });
    const pending = entry({ tab: "Sales", group: "Sales", outcome: "pending" });
    const email = problemEmail({
      spreadsheetName: "HR Roster",
      spreadsheetUrl: URL,
      ...RAN,
      entries: [failed, synced, unchanged, pending],
    });
    expect(email.body).toContain(
      '- Tab "Temps" (Vitable group "Temps"): synced, 2 added, 1 removed and 3 invalid and not sent.',
    );
    expect(email.body).toContain('- Tab "Interns" (Vitable group "Interns"): synced, no changes.');
    expect(email.body).toContain('- Tab "Sales" (Vitable group "Sales"): still processing at Vitable.');
    expect(email.body).toMatch(/the next scheduled run collects its outcome/);
  });

  it("is plain text, ends with how to stop these emails, and keeps names on one line", () => {
    const email = problemEmail({
      spreadsheetName: "HR\nRoster  2026",
      spreadsheetUrl: URL,
      ...RAN,
      entries: [entry({ ...blocked, tab: "Roster\r\nMain" })],
    });
    expect(email.subject).toBe('Vitable Roster Sync: the scheduled sync of "HR Roster 2026" was blocked');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.body).toContain('- Tab "Roster Main"');
    expect(email.body).not.toMatch(/<[a-z]+[ >]/i);
    expect(email.body.trimEnd().split("\n").pop()).toMatch(/^You get this email because problem emails are turned on/);
  });

  it("names nobody, not even the owner the schedule runs as", () => {
    const email = problemEmail({
      spreadsheetName: "HR Roster",
      spreadsheetUrl: URL,
      ...RAN,
      entries: [blocked, failed],
    });
    expect(`${email.subject}\n${email.body}`).not.toContain("@");
  });
});
