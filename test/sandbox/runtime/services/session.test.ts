import { createSession } from "../../../../sandbox/runtime/services/session";
import { testExecution } from "../support/testExecution";

const OPS = { email: "ops@example.com", locale: "fr_FR", timeZone: "Europe/Paris" };

describe("Session", () => {
  it("gives the execution's user as the active and the effective user", () => {
    const session = createSession(testExecution(), { scriptTimeZone: "America/New_York" });
    expect(session.getActiveUser().getEmail()).toBe("hr@example.com");
    expect(session.getEffectiveUser().getEmail()).toBe("hr@example.com");
  });

  it("gives the script's time zone and the user's locale", () => {
    const session = createSession(testExecution({ user: OPS }), { scriptTimeZone: "America/New_York" });
    expect(session.getScriptTimeZone()).toBe("America/New_York");
    expect(session.getActiveUserLocale()).toBe("fr_FR");
  });

  it("gives each user a stable temporary key that does not reveal the address", () => {
    const key = (user = testExecution().user) =>
      createSession(testExecution({ user }), { scriptTimeZone: "UTC" }).getTemporaryActiveUserKey();
    expect(key()).toBe(key());
    expect(key(OPS)).not.toBe(key());
    expect(key()).not.toContain("hr");
  });

  it("needs the userinfo.email scope to read an address", () => {
    const session = createSession(testExecution({ grantedScopes: new Set() }), { scriptTimeZone: "UTC" });
    const user = session.getActiveUser();
    expect(() => user.getEmail()).toThrow(/You do not have permission to call User.getEmail/);
  });
});
