import { parseCliArguments, UsageError } from "../../../sandbox/cli/arguments";

const usageError = (args: string[]) => {
  try {
    parseCliArguments(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(" ")} was accepted`);
};

describe("parseCliArguments", () => {
  it("asks for help with --help or -h, whatever else is given", () => {
    expect(parseCliArguments(["--help"])).toEqual({ command: "help" });
    expect(parseCliArguments(["sync", "-h"])).toEqual({ command: "help" });
  });

  it("reads validate with its defaults", () => {
    expect(parseCliArguments(["validate", "roster.csv"])).toEqual({
      command: "validate",
      file: "roster.csv",
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

  it.each([
    [[], /validate or sync/],
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
  ])("refuses %j with a sentence that says what to change", (args, message) => {
    expect(usageError(args)).toMatch(message);
  });
});
