import { defineCase } from "../harness";

/** The handler of the one-off trigger the trigger-context case installs. */
export const TRIGGER_PROBE_HANDLER = "conformanceTriggerProbe";
const PROBE_RESULT_KEY = "conformance.triggerProbe.result";
const PROBE_SPREADSHEET_KEY = "conformance.triggerProbe.spreadsheet";
/** The sheet and document property the Make a copy case marks the original with. */
const COPY_MARKER_SHEET = "Conformance copy marker";
const COPY_MARKER_KEY = "conformance.copyMarker";

interface ProbeObservations {
  activeSpreadsheet: boolean;
  documentLock: boolean;
  documentProperties: boolean;
  openedById: string;
  triggerUidMatches: boolean;
}

function attempt(action: () => unknown): string {
  try {
    action();
    return "ok";
  } catch (thrown) {
    return thrown instanceof Error ? thrown.message : String(thrown);
  }
}

/**
 * Runs in the time-driven trigger: records what the execution has (a document, its lock and
 * properties; whether openById works), then deletes its own trigger.
 */
export function probeTriggerContext(event: GoogleAppsScript.Events.TimeDriven): void {
  const script = PropertiesService.getScriptProperties();
  const spreadsheetId = script.getProperty(PROBE_SPREADSHEET_KEY) ?? "";
  const own = ScriptApp.getProjectTriggers().filter((trigger) => trigger.getUniqueId() === event.triggerUid);
  const observations: ProbeObservations = {
    activeSpreadsheet: (SpreadsheetApp.getActiveSpreadsheet() as unknown) !== null,
    documentLock: (LockService.getDocumentLock() as unknown) !== null,
    documentProperties: (PropertiesService.getDocumentProperties() as unknown) !== null,
    openedById: attempt(() => SpreadsheetApp.openById(spreadsheetId).getName()),
    triggerUidMatches: own.length === 1,
  };
  script.setProperty(PROBE_RESULT_KEY, JSON.stringify(observations));
  for (const trigger of own) ScriptApp.deleteTrigger(trigger);
}

export const contextCases = [
  defineCase(
    "trigger-context",
    "A time-driven trigger runs with e.triggerUid naming it and can open its spreadsheet by ID; whether it has a document, a document lock and document properties is recorded (the add-on assumes it may have none).",
    (t) => {
      const script = PropertiesService.getScriptProperties();
      const recorded = script.getProperty(PROBE_RESULT_KEY);
      if (recorded === null) {
        const waiting = ScriptApp.getProjectTriggers().some(
          (trigger) => trigger.getHandlerFunction() === TRIGGER_PROBE_HANDLER,
        );
        if (!waiting) {
          script.setProperty(PROBE_SPREADSHEET_KEY, t.spreadsheet.getId());
          ScriptApp.newTrigger(TRIGGER_PROBE_HANDLER).timeBased().after(60_000).create();
        }
        return t.pending("A one-off trigger fires in a minute or two; run again to read what it saw.");
      }
      script.deleteProperty(PROBE_RESULT_KEY);
      const seen = JSON.parse(recorded) as ProbeObservations;
      t.note(
        `active spreadsheet: ${seen.activeSpreadsheet}, document lock: ${seen.documentLock}, document properties: ${seen.documentProperties}`,
      );
      t.equal(seen.triggerUidMatches, true, "e.triggerUid names the trigger");
      t.equal(seen.openedById, "ok", "openById in the trigger");
    },
  ),
  defineCase(
    "copy-carries-document-properties",
    "Whether File ▸ Make a copy carries the document's properties into the copy (a shared key is only used in the spreadsheet it was connected in).",
    (t) => {
      if (t.options.inCopy === true) {
        const marker = t.spreadsheet.getSheetByName(COPY_MARKER_SHEET);
        t.ok(marker !== null, `the copy has the sheet "${COPY_MARKER_SHEET}": run this case in the original first`);
        const originalId = String(marker!.getRange(1, 1).getValue());
        const carried = PropertiesService.getDocumentProperties().getProperty(COPY_MARKER_KEY);
        t.note(carried === originalId ? "the copy carries the document properties" : "the copy starts without them");
        t.ok(originalId !== t.spreadsheet.getId(), "the copy has an ID of its own");
        return;
      }
      const sheet = t.spreadsheet.getSheetByName(COPY_MARKER_SHEET) ?? t.spreadsheet.insertSheet(COPY_MARKER_SHEET);
      sheet.getRange(1, 1).setValue(t.spreadsheet.getId());
      PropertiesService.getDocumentProperties().setProperty(COPY_MARKER_KEY, t.spreadsheet.getId());
      t.manual(
        [
          "The spreadsheet is marked. In it, choose File ▸ Make a copy (keep the script).",
          "In the copy, open Extensions ▸ Apps Script ▸ Project Settings, set the same Google Cloud project, and copy the script ID.",
          "Then run: npm run test:live -- --copy-script <the copy's script ID>",
        ].join("\n"),
      );
    },
  ),
];
