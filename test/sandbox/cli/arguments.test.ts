import { parseCliArguments, UsageError } from "../../../sandbox/cli/arguments";
import { columnTargetNamed } from "../../../sandbox/cli/fieldNames";
import { COLUMN_TARGETS } from "../../../src/core/roster/columnMapping";
import { columnLabel } from "../../../src/core/roster/columnNames";

const usageError = (args: string[]) => {
  try {
    parseCliArguments(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(" ")} was accepted`);
};

const NO_CHOICES = { clear: false, columns: {}, statusValues: {} };

describe("parseCliArguments", () => {
  it("asks for help with --help or -h, whatever else is given", () => {
    expect(parseCliArguments(["--help"])).toEqual({ command: "help" });
    expect(parseCliArguments(["sync", "-h"])).toEqual({ command: "help" });
  });

  it("reads validate with its defaults", () => {
    expect(parseCliArguments(["validate", "roster.csv"])).toEqual({
      command: "validate",
      file: "roster.csv",
      choices: NO_CHOICES,
      timeZone: undefined,
      raw: false,
      sessionDir: undefined,
      api: undefined,
    });
  });

  it("reads every option of sync, in any order", () => {
    expect(
      parseCliArguments([
        "sync",
        "--group",
        "Acme Tier 1",
        "roster.csv",
        "--yes",
        "--allow-empty",
        "--tz",
        "Pacific/Honolulu",
        "--raw",
        "--session",
        "runs/acme",
        "--api-url",
        "http://127.0.0.1:8787/",
        "--api-key",
        "vit_apk_other",
      ]),
    ).toEqual({
      command: "sync",
      file: "roster.csv",
      choices: NO_CHOICES,
      group: "Acme Tier 1",
      yes: true,
      allowEmpty: true,
      timeZone: "Pacific/Honolulu",
      raw: true,
      sessionDir: "runs/acme",
      api: { url: "http://127.0.0.1:8787", key: "vit_apk_other" },
    });
  });

  it("connects to a given emulator with the sandbox key unless told another", () => {
    const command = parseCliArguments(["validate", "r.csv", "--api-url", "http://localhost:9000"]);
    expect(command).toMatchObject({ api: { url: "http://localhost:9000", key: "vit_apk_sandbox" } });
  });

  it("reads column choices for every command: --map HEADER=FIELD, --map =FIELD for none, --status and --clear-map", () => {
    const choices = {
      clear: true,
      columns: { "address.zipcode": "Postal Cd", email: null, employmentStatus: "Emp Status" },
      statusValues: { Seasonal: "exclude", "On Leave": "include" },
    };
    const args = [
      ...["--map", "Postal Cd=zipcode", "--map", "=email", "--map", " Emp Status = employment_status "],
      ...["--status", "Seasonal=exclude", "--status", "On Leave=Include", "--clear-map"],
    ];
    expect(parseCliArguments(["validate", "r.csv", ...args])).toMatchObject({ command: "validate", choices });
    expect(parseCliArguments(["columns", "r.csv", ...args])).toMatchObject({ command: "columns", choices });
    expect(parseCliArguments(["sync", "r.csv", "--group", "Acme", ...args])).toMatchObject({
      command: "sync",
      choices,
    });
  });

  it("splits --map at the last = since a header may hold one", () => {
    expect(parseCliArguments(["validate", "r.csv", "--map", "Plan=Tier=plan_id"])).toMatchObject({
      choices: { columns: { plan_id: "Plan=Tier" } },
    });
  });

  it.each([
    ["address.zipcode", "address.zipcode"],
    ["zipcode", "address.zipcode"],
    ["ZIP", "address.zipcode"],
    ["address_line_1", "address.address_line_1"],
    ["Address Line 1", "address.address_line_1"],
    ["city", "address.city"],
    ["Date of Birth", "date_of_birth"],
    ["date of birth", "date_of_birth"],
    ["plan", "plan_id"],
    ["Reference ID", "reference_id"],
    ["include", "include"],
    ["employmentStatus", "employmentStatus"],
    ["employment_status", "employmentStatus"],
    ["Termination Date", "terminationDate"],
    ["termination_date", "terminationDate"],
  ])("takes --map field %j for %s", (name, target) => {
    expect(parseCliArguments(["validate", "r.csv", "--map", `Header=${name}`])).toMatchObject({
      choices: { columns: { [target]: "Header" } },
    });
  });

  it("takes each column's payload path, last segment and label for that column alone", () => {
    for (const target of COLUMN_TARGETS) {
      const names = [target, target.split(".").pop() as string, columnLabel(target)];
      expect(names.map(columnTargetNamed)).toEqual([target, target, target]);
    }
  });

  it.each([
    [[], /validate, sync or columns/],
    [["import", "r.csv"], /"import" is not a command/],
    [["validate"], /Give the CSV file to validate/],
    [["validate", "a.csv", "b.csv"], /Only one CSV file.*"b\.csv"/],
    [["validate", "r.csv", "--verbose"], /--verbose/],
    [["validate", "r.csv", "--tz"], /--tz/],
    [["validate", "r.csv", "--tz", "Mars/Olympus"], /"Mars\/Olympus" is not a time zone/],
    [["validate", "r.csv", "--group", "Acme"], /^--group is only for sync\.$/],
    [["validate", "r.csv", "--yes", "--allow-empty"], /^--yes, --allow-empty are only for sync\.$/],
    [["sync", "r.csv"], /--group "Group name"/],
    [["sync", "r.csv", "--group", "  "], /--group "Group name"/],
    [["sync", "r.csv", "--group", "Acme", "--allow-empty"], /--allow-empty only works together with --yes/],
    [["validate", "r.csv", "--api-key", "vit_apk_x"], /--api-key is for an emulator given with --api-url/],
    [["validate", "r.csv", "--api-url", "https://api.vitablehealth.com"], /must be a local address/],
    [["validate", "r.csv", "--session", ""], /--session needs a folder/],
    [["columns", "r.csv", "--yes"], /^--yes is only for sync\.$/],
    [["validate", "r.csv", "--map", "Postal Cd"], /^--map "Postal Cd" needs the form HEADER=FIELD/],
    [["validate", "r.csv", "--map"], /--map/],
    [
      ["validate", "r.csv", "--map", "Postal Cd=postcode"],
      /^--map "Postal Cd=postcode": "postcode" is not a field\. The fields are reference_id \/ Employee ID, .*address\.zipcode \/ zipcode \/ ZIP, include, employmentStatus, terminationDate \(case, spaces and punctuation do not matter\)\.$/,
    ],
    [["validate", "r.csv", "--map", "email="], /^--map "email=" names no field: .* write --map "=email"\.$/],
    [["validate", "r.csv", "--map", "Postal Cd="], /^--map "Postal Cd=" names no field: give the field after "="/],
    [
      ["validate", "r.csv", "--map", "Zip=zipcode", "--map", "Postal=ZIP"],
      /^--map gives ZIP \(address\.zipcode\) twice/,
    ],
    [["validate", "r.csv", "--status", "Seasonal"], /^--status "Seasonal" needs the form VALUE=include\|exclude/],
    [["validate", "r.csv", "--status", "Seasonal=skip"], /include or exclude/],
    [["validate", "r.csv", "--status", "=exclude"], /needs a status value/],
    [["validate", "r.csv", "--status", "Seasonal=include", "--status", "seasonal=exclude"], /"seasonal" twice/],
  ])("refuses %j with a sentence that says what to change", (args, message) => {
    expect(usageError(args)).toMatch(message);
  });
});
