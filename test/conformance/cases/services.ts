import { needsApproval } from "../../../src/appsscript/authorization";
import {
  installSchedule,
  removeSchedule,
  scheduleOf,
  SCHEDULED_SYNC_HANDLER,
} from "../../../src/appsscript/scheduleTrigger";
import { defineCase } from "../harness";

const NEVER_SET = "conformance.never-set";

export const serviceCases = [
  defineCase(
    "properties-missing-key",
    "getProperty of a key never set is null in the script's, the user's and the document's properties.",
    (t) => {
      t.equal(PropertiesService.getScriptProperties().getProperty(NEVER_SET), null, "script properties");
      t.equal(PropertiesService.getUserProperties().getProperty(NEVER_SET), null, "user properties");
      t.equal(PropertiesService.getDocumentProperties().getProperty(NEVER_SET), null, "document properties");
    },
  ),
  defineCase(
    "properties-delete-all",
    "deleteAllProperties empties a store: getKeys() is empty and every key reads null.",
    (t) => {
      const document = PropertiesService.getDocumentProperties();
      document.setProperties({ "conformance.a": "1", "conformance.b": "2" });
      document.deleteAllProperties();
      t.equal(document.getKeys(), [], "the keys left");
      t.equal(document.getProperty("conformance.a"), null, "a deleted key");
    },
  ),
  defineCase(
    "properties-value-limit",
    "A property value over 9 KB is refused with an exception, so a large record must live in the records sheet.",
    (t) => {
      const user = PropertiesService.getUserProperties();
      const message = t.throws(() => user.setProperty("conformance.large", "x".repeat(10 * 1024)), "a 10 KB value");
      t.note(`Apps Script said: ${message}`);
      user.deleteProperty("conformance.large");
    },
  ),
  defineCase(
    "lock-document-try-lock",
    "In a run with a document, getDocumentLock() is a lock: tryLock takes it, hasLock says so, releaseLock gives it back.",
    (t) => {
      const lock = LockService.getDocumentLock();
      t.ok(lock !== null, "a document lock");
      t.equal(lock.hasLock(), false, "held before tryLock");
      t.equal(lock.tryLock(1000), true, "tryLock");
      t.equal(lock.hasLock(), true, "held after tryLock");
      lock.releaseLock();
      t.equal(lock.hasLock(), false, "held after releaseLock");
    },
  ),
  defineCase(
    "trigger-every-hours",
    "ScriptApp.newTrigger(f).timeBased().everyHours(n) takes 1, 2, 4, 6, 8 or 12; the trigger is listed by getProjectTriggers as a clock trigger of f until deleteTrigger.",
    (t) => {
      t.note(
        `everyHours(3): ${t.throws(() => ScriptApp.newTrigger(SCHEDULED_SYNC_HANDLER).timeBased().everyHours(3).create(), "everyHours(3)")}`,
      );
      const trigger = ScriptApp.newTrigger(SCHEDULED_SYNC_HANDLER).timeBased().everyHours(1).create();
      try {
        const listed = ScriptApp.getProjectTriggers().filter((each) => each.getUniqueId() === trigger.getUniqueId());
        t.equal(listed.length, 1, "listed once");
        t.equal(listed[0]!.getHandlerFunction(), SCHEDULED_SYNC_HANDLER, "its handler");
        t.equal(listed[0]!.getEventType(), ScriptApp.EventType.CLOCK, "its event type");
      } finally {
        ScriptApp.deleteTrigger(trigger);
      }
      t.equal(
        ScriptApp.getProjectTriggers().some((each) => each.getUniqueId() === trigger.getUniqueId()),
        false,
        "listed after deleteTrigger",
      );
    },
  ),
  defineCase(
    "trigger-schedule-adapter",
    "The schedule's adapter (installSchedule, scheduleOf, removeSchedule) creates one hourly trigger for the spreadsheet, finds it again and deletes it.",
    (t) => {
      const spreadsheet = t.spreadsheet;
      const triggerId = installSchedule(spreadsheet, { kind: "hours", every: 1 }, false, "America/New_York");
      try {
        t.equal(scheduleOf(spreadsheet.getId())?.triggerId, triggerId, "the schedule found");
        const listedForDocument = ScriptApp.getUserTriggers(spreadsheet).some(
          (each) => each.getUniqueId() === triggerId,
        );
        t.note(`getUserTriggers(spreadsheet) lists the trigger: ${listedForDocument}`);
      } finally {
        removeSchedule(spreadsheet);
      }
      t.equal(scheduleOf(spreadsheet.getId()), null, "the schedule after removeSchedule");
      t.equal(
        ScriptApp.getProjectTriggers().some((each) => each.getUniqueId() === triggerId),
        false,
        "the trigger after removeSchedule",
      );
    },
  ),
  defineCase(
    "authorization-info",
    "ScriptApp.getAuthorizationInfo(FULL) says NOT_REQUIRED once every scope of the manifest is approved (needsApproval is false).",
    (t) => {
      t.equal(needsApproval(), false, "needsApproval()");
    },
  ),
  defineCase(
    "utilities-hmac-base64",
    "Utilities.computeHmacSha256Signature gives 32 signed bytes, and base64EncodeWebSafe writes them with - and _ and keeps the padding.",
    (t) => {
      const signature = Utilities.computeHmacSha256Signature("The quick brown fox jumps over the lazy dog", "key");
      t.equal(signature.length, 32, "bytes");
      t.equal(signature.slice(0, 4), [-9, -68, -125, -12], "the first bytes, signed");
      t.equal(
        Utilities.base64EncodeWebSafe(signature),
        "97yD9DBThCSxMpjmqm-xQ-9NWaFJRhdZl0edvC0aPNg=",
        "web-safe base64",
      );
    },
  ),
  defineCase(
    "scope-open-by-id",
    "SpreadsheetApp.openById needs the full spreadsheets scope: with spreadsheets.currentonly only it is refused (a scheduled sync opens its spreadsheet by ID).",
    (t) => {
      const id = t.spreadsheet.getId();
      if (t.options.spreadsheetScope === "currentonly") {
        t.note(`Apps Script said: ${t.throws(() => SpreadsheetApp.openById(id), "openById with currentonly")}`);
      } else {
        t.equal(SpreadsheetApp.openById(id).getId(), id, "the spreadsheet opened by ID");
      }
    },
  ),
];
