import { createSandboxClock } from "../../../../sandbox/runtime/clock";
import { createMailApp, MAIL_RECIPIENTS_PER_DAY, MailOutbox } from "../../../../sandbox/runtime/services/mail";
import { TEST_START, testExecution } from "../support/testExecution";

function setup() {
  const clock = createSandboxClock({ followsRealTime: false, start: TEST_START });
  const outbox = new MailOutbox();
  const mailApp = (overrides: Parameters<typeof testExecution>[0] = {}) =>
    createMailApp(outbox, testExecution({ clock, ...overrides }));
  return { clock, outbox, mailApp };
}

describe("MailApp", () => {
  it("records a message sent with recipient, subject, body and options", () => {
    const { outbox, mailApp } = setup();
    mailApp().sendEmail("hr@example.com", "Scheduled sync blocked", "The roster has no Email column.", {
      htmlBody: "<p>The roster has no <b>Email</b> column.</p>",
      name: "Vitable Roster Sync",
      replyTo: "support@example.com",
    });
    expect(outbox.sent()).toEqual([
      {
        from: "hr@example.com",
        to: "hr@example.com",
        cc: "",
        bcc: "",
        replyTo: "support@example.com",
        name: "Vitable Roster Sync",
        subject: "Scheduled sync blocked",
        body: "The roster has no Email column.",
        htmlBody: "<p>The roster has no <b>Email</b> column.</p>",
        noReply: false,
        at: TEST_START,
      },
    ]);
  });

  it("accepts a message object, and the four-string form with a reply-to address", () => {
    const { outbox, mailApp } = setup();
    const app = mailApp();
    app.sendEmail({ to: "a@example.com", subject: "One", body: "First", cc: "b@example.com" });
    app.sendEmail("c@example.com", "support@example.com", "Two", "Second");
    expect(outbox.sent().map(({ to, cc, replyTo, subject, body }) => ({ to, cc, replyTo, subject, body }))).toEqual([
      { to: "a@example.com", cc: "b@example.com", replyTo: "", subject: "One", body: "First" },
      { to: "c@example.com", cc: "", replyTo: "support@example.com", subject: "Two", body: "Second" },
    ]);
  });

  it.each([
    ["no recipient", { to: "", subject: "s", body: "b" }, "Failed to send email: no recipient"],
    [
      "an invalid address",
      { to: "hr@example.com, not an address", subject: "s", body: "b" },
      "Invalid email: not an address",
    ],
  ])("refuses a message with %s", (_label, message, error) => {
    const { outbox, mailApp } = setup();
    expect(() => mailApp().sendEmail(message)).toThrow(error);
    expect(outbox.sent()).toEqual([]);
  });

  it("allows 100 recipients a day, counting each recipient, and frees them 24 hours later", () => {
    const { clock, outbox, mailApp } = setup();
    const app = mailApp();
    expect(app.getRemainingDailyQuota()).toBe(MAIL_RECIPIENTS_PER_DAY);
    app.sendEmail({ to: "a@example.com, b@example.com", cc: "c@example.com", subject: "s", body: "b" });
    expect(app.getRemainingDailyQuota()).toBe(MAIL_RECIPIENTS_PER_DAY - 3);
    for (let i = 3; i < MAIL_RECIPIENTS_PER_DAY; i++) app.sendEmail(`user${i}@example.com`, "s", "b");
    expect(app.getRemainingDailyQuota()).toBe(0);

    expect(() => app.sendEmail("late@example.com", "s", "b")).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(outbox.sent()).toHaveLength(MAIL_RECIPIENTS_PER_DAY - 2);
    expect(
      mailApp({ user: { email: "ops@example.com", locale: "en_US", timeZone: "UTC" } }).getRemainingDailyQuota(),
    ).toBe(MAIL_RECIPIENTS_PER_DAY);

    clock.advance(24 * 3_600_000);
    expect(mailApp().getRemainingDailyQuota()).toBe(MAIL_RECIPIENTS_PER_DAY);
  });

  it("needs the send_mail scope", () => {
    const { mailApp } = setup();
    expect(() => mailApp({ grantedScopes: new Set() }).sendEmail("a@example.com", "s", "b")).toThrow(
      /You do not have permission to call MailApp.sendEmail/,
    );
  });

  it("restores sent mail, and so the quota used, from a snapshot", () => {
    const { clock, outbox, mailApp } = setup();
    mailApp().sendEmail("a@example.com", "s", "b");
    const restored = MailOutbox.fromSnapshot(JSON.parse(JSON.stringify(outbox.snapshot())));
    expect(restored.sent()).toEqual(outbox.sent());
    expect(restored.remainingQuota("hr@example.com", clock.now())).toBe(MAIL_RECIPIENTS_PER_DAY - 1);
  });
});
