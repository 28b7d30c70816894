import { LOG_TAB, ROSTER_HEADER, personRow, World, useAddonSandbox } from "./support/addonSandbox";

/** Product invariant 9: the API key never leaves the server in full; member data never reaches a log. */

const sandbox = useAddonSandbox();

/** Everything text held by every tab of the spreadsheet, the add-on's hidden records included. */
function everyCell(world: World): string {
  return world.spreadsheet.sheets
    .map((sheet) =>
      sheet
        .displayValuesForHost()
        .map((row) => row.join("\t"))
        .join("\n"),
    )
    .join("\n");
}

function everyLogLine(world: World): string {
  return world.runtime.history.flatMap((report) => report.logs.map((entry) => entry.message)).join("\n");
}

describe("member data", () => {
  const people = [
    {
      row: personRow(1, {
        "First Name": "Zephyrine",
        "Last Name": "Quillfeather",
        DOB: "3/9/1987",
        Email: "zephyrine.q@privacy-check.example",
        Phone: "(212) 867-5309",
        Address: "4417 Wisteria Lane",
      }),
      secrets: ["Zephyrine", "Quillfeather", "1987", "zephyrine.q@", "2128675309", "867-5309", "Wisteria"],
    },
    {
      row: personRow(2, {
        "First Name": "Bartholomew",
        "Last Name": "Oyelaran-Smythe",
        DOB: "11/30/1979",
        Email: "b.oyelaran@other-org.example",
        Phone: "646.555.0199",
        Address: "88 Juniper Court",
      }),
      secrets: ["Bartholomew", "Oyelaran", "1979", "b.oyelaran@", "6465550199", "555.0199", "Juniper"],
    },
    {
      // Invalid (phone) once accepted: named in a confirmation, never in a log.
      row: personRow(3, {
        "First Name": "Marisol",
        "Last Name": "Vantongeren",
        DOB: "7/4/1992",
        Email: "marisol.v@privacy-check.example",
        Phone: "917-555-0142",
        Address: "19 Sycamore Row",
      }),
      secrets: ["Marisol", "Vantongeren", "1992", "marisol.v@", "9175550142", "555-0142", "Sycamore"],
    },
  ];
  const secrets = people.flatMap((person) => person.secrets);

  it("never appears in any execution's log nor in the log tab, through every flow", () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, ...people.map((person) => person.row)]);
    world.linkNewGroup();
    world.call("validateTab", { sheetId: world.sheetId, detail: true });
    world.call("previewSync", { sheetId: world.sheetId });
    // A Vitable failure (Bartholomew's other-organization email) and the first sync's confirmation.
    expect(world.sync(["noLastAccepted"]).state).toBe("completed");

    // Marisol's row turns invalid: the menu asks (naming her), the user cancels, then the schedule is blocked.
    world.roster.typeInto(4, 6, "555");
    world.runMenu("syncActiveTab");
    world.cancelMenuDialog();
    world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: true });
    world.runSchedule();
    // Fixed and removed on purpose from the menu.
    world.roster.deleteRows(4, 1);
    world.runMenu("syncActiveTab");
    world.runMenu("validateActiveTab");

    const outcomes = world.logEntries().map((entry) => entry.Outcome);
    expect(outcomes).toEqual(["Completed", "Blocked", "Completed"]);
    const logTab = world.spreadsheet.sheetByName(LOG_TAB)!.displayValuesForHost().flat().join("\n");
    const executionLogs = everyLogLine(world);
    const mail = world.runtime.mail
      .sent()
      .map((sent) => `${sent.subject}\n${sent.body}`)
      .join("\n");
    expect(mail).not.toBe("");
    for (const secret of secrets) {
      expect(logTab).not.toContain(secret);
      expect(executionLogs).not.toContain(secret);
      expect(mail).not.toContain(secret);
    }
  });
});

describe("the API key", () => {
  const API_KEY = "vit_apk_live_7QhX2mRkP9sWb4Lz9f3a";

  it("never reaches the sidebar, the cells or a log: only its last 4 characters", async () => {
    await sandbox.emulator.control.addApiKey({ key: API_KEY, organizationId: "org_sandbox" });
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1), personRow(2)]);

    const connection = world.call("connect", {
      apiKey: `  ${API_KEY} `,
      environment: "uat",
      scope: "document",
      sharedRiskAccepted: true,
    });
    expect(connection.maskedKey).toBe("••••9f3a");
    world.call("getSidebarState", {});
    const group = world.call("createGroup", { name: "Acme", externalReferenceId: "acme" });
    world.call("renameGroup", { groupId: group.id, name: "Acme Health" });
    world.call("listGroups", {});
    world.call("linkTab", { sheetId: world.sheetId, groupId: group.id });
    world.call("setBrake", { sheetId: world.sheetId, brake: { minimum: 5, percent: 20 } });
    world.call("validateTab", { sheetId: world.sheetId, detail: true });
    world.call("previewSync", { sheetId: world.sheetId });
    world.call("startSync", { sheetId: world.sheetId, confirmation: null, detail: true });
    world.call("checkSync", { sheetId: world.sheetId, detail: true });
    world.call("setSchedule", { frequency: { kind: "daily", hour: 9 }, emailOnProblem: true });

    // Vitable echoing the key in its error messages: the add-on must not pass it on.
    world.roster.typeRows(4, 1, [personRow(3)]);
    const echo = { error: { code: "invalid", message: `Bearer ${API_KEY} may not send this roster` } };
    await sandbox.emulator.control.injectFault({
      kind: "status",
      path: "/v1/groups/*/members/sync",
      status: 422,
      body: echo,
    });
    const rejected = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
    expect(rejected.state === "failed" && rejected.message).toMatch(/^Vitable rejected the roster/);
    await sandbox.emulator.control.injectFault({
      kind: "status",
      path: "/v1/groups",
      status: 401,
      body: echo,
      times: 3,
    });
    expect(world.callRaw("listGroups", {}).ok).toBe(false);
    world.runSchedule();
    world.call("getSidebarState", {});
    world.call("clearSchedule", {});
    world.call("disconnect", {});
    expect(world.callRaw("connect", { apiKey: "vit_apk_wrong-key-0000", environment: "uat", scope: "user" }).ok).toBe(
      false,
    );

    expect(world.answers.length).toBeGreaterThanOrEqual(18);
    for (const answer of world.answers) {
      expect(answer).not.toContain(API_KEY);
      expect(answer).not.toContain("7QhX2mRkP9sWb4Lz");
      expect(answer).not.toContain("vit_apk_");
    }
    expect(everyCell(world)).not.toContain("vit_apk_");
    expect(everyLogLine(world)).not.toContain("vit_apk_");
    expect(
      world.runtime.mail
        .sent()
        .map((mail) => mail.body)
        .join("\n"),
    ).not.toContain("vit_apk_");
  });
});
