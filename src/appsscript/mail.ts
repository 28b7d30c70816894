import type { ProblemEmail } from "../core/schedule/problemEmail";

/** Sends a schedule's problem email as plain text, from the user the schedule runs as. */
export function sendProblemEmail(to: string, email: ProblemEmail): void {
  MailApp.sendEmail({ to, subject: email.subject, body: email.body });
}
