import type { Execution } from "../execution";
import { signatureMismatch } from "../signatureMismatch";

/** MailApp's daily recipients for a consumer account (Google's quotas page). */
export const MAIL_RECIPIENTS_PER_DAY = 100;

const DAY_MS = 86_400_000;
const QUOTA_SPENT = "Service invoked too many times for one day: email.";
const NO_RECIPIENT = "Failed to send email: no recipient";
const EMAIL_ADDRESS = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

/** A message the script sent, as recorded by the sandbox. */
export interface SentMail {
  /** The user the message was sent as. */
  from: string;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string;
  noReply: boolean;
  /** Milliseconds on the sandbox clock. */
  at: number;
}

export interface MailOutboxSnapshot {
  sent: SentMail[];
}

/** Mail sent by the script, kept across executions; also the record the daily quota counts. */
export class MailOutbox {
  private readonly sentMail: SentMail[] = [];

  static fromSnapshot(snapshot: MailOutboxSnapshot): MailOutbox {
    const outbox = new MailOutbox();
    outbox.sentMail.push(...snapshot.sent.map((mail) => ({ ...mail })));
    return outbox;
  }

  snapshot(): MailOutboxSnapshot {
    return { sent: this.sent() };
  }

  /** Every message sent, oldest first (host side: tests and tools). */
  sent(): SentMail[] {
    return this.sentMail.map((mail) => ({ ...mail }));
  }

  /** Recipients the user may still send to: the quota counts the last 24 hours, as Google's does. */
  remainingQuota(userEmail: string, now: number): number {
    let used = 0;
    for (const mail of this.sentMail) {
      if (mail.from === userEmail && mail.at > now - DAY_MS) used += recipientsOf(mail).length;
    }
    return Math.max(0, MAIL_RECIPIENTS_PER_DAY - used);
  }

  record(mail: SentMail): void {
    this.sentMail.push({ ...mail });
  }
}

type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;

export type SandboxMailApp = Pick<GoogleAppsScript.Mail.MailApp, "sendEmail" | "getRemainingDailyQuota">;

/** MailApp for one execution: messages are recorded in the outbox, never delivered. */
export function createMailApp(outbox: MailOutbox, execution: Execution): SandboxMailApp {
  function send(message: MailOptions): void {
    if (message.attachments !== undefined || message.inlineImages !== undefined) {
      throw new Error(
        "The sandbox's MailApp records text and HTML mail only: attachments and inline images are not supported.",
      );
    }
    const mail: SentMail = {
      from: execution.user.email,
      to: text(message.to),
      cc: text(message.cc),
      bcc: text(message.bcc),
      replyTo: text(message.replyTo),
      name: text(message.name),
      subject: text(message.subject),
      body: text(message.body),
      htmlBody: text(message.htmlBody),
      noReply: message.noReply === true,
      at: execution.clock.now(),
    };
    const recipients = recipientsOf(mail);
    if (recipients.length === 0) throw execution.exception(NO_RECIPIENT);
    const invalid = [...recipients, ...addresses(mail.replyTo)].find((address) => !EMAIL_ADDRESS.test(address));
    if (invalid !== undefined) throw execution.exception(`Invalid email: ${invalid}`);
    if (recipients.length > outbox.remainingQuota(mail.from, mail.at)) throw execution.exception(QUOTA_SPENT);
    outbox.record(mail);
  }

  return {
    sendEmail(...args: unknown[]) {
      execution.call("MailApp", "sendEmail", "write");
      const [first, second, third, fourth] = args;
      if (args.length === 1 && typeof first === "object" && first !== null) {
        send(first);
      } else if (args.length === 4 && [first, second, third, fourth].every((arg) => typeof arg === "string")) {
        send({ to: first as string, replyTo: second as string, subject: third as string, body: fourth as string });
      } else if (
        (args.length === 3 || (args.length === 4 && typeof fourth === "object" && fourth !== null)) &&
        [first, second, third].every((arg) => typeof arg === "string")
      ) {
        send({
          ...(fourth as MailOptions | undefined),
          to: first as string,
          subject: second as string,
          body: third as string,
        });
      } else {
        throw execution.exception(signatureMismatch("MailApp", "sendEmail", args));
      }
    },
    getRemainingDailyQuota() {
      execution.call("MailApp", "getRemainingDailyQuota", "read");
      return outbox.remainingQuota(execution.user.email, execution.clock.now());
    },
  };
}

function recipientsOf(mail: Pick<SentMail, "to" | "cc" | "bcc">): string[] {
  return [...addresses(mail.to), ...addresses(mail.cc), ...addresses(mail.bcc)];
}

/** A comma-separated list of addresses, as MailApp takes them. */
function addresses(list: string): string[] {
  return list
    .split(",")
    .map((address) => address.trim())
    .filter((address) => address !== "");
}

function text(value: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Apps Script stringifies any value, an object as "[object Object]"; so does the stand-in.
  return value === undefined || value === null ? "" : String(value);
}
