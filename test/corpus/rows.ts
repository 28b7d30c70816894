import { blankCells, type CorpusRow } from "./model";
import { SAYS } from "./sentences";

/**
 * Hand-written corpus rows: every accepted form and every error of product.md §4, and the
 * messy cells HR systems and people produce. Each row changes only the cells it is about; the
 * rest is its base person (basePerson.ts). Strings are typed as a person types them; the other
 * cell kinds are explained in model.ts.
 */

const LONG_DATE_TEXT = "x".repeat(49_990);

export const HAND_WRITTEN_ROWS: readonly CorpusRow[] = [
  // ---- Reference ID --------------------------------------------------------------------------
  {
    why: "an ID typed as digits is a number in Sheets, sent as its digits",
    cells: { "Employee ID": "1001" },
    expected: { status: "Ready", member: { reference_id: "1001" } },
  },
  {
    why: "an ID set as a whole number, never sent as 1002.0",
    cells: { "Employee ID": { number: 1002 } },
    expected: { status: "Ready", member: { reference_id: "1002" } },
  },
  {
    why: "an ID in a plain-text cell keeps its leading zeros",
    cells: { "Employee ID": { text: "00123" } },
    expected: { status: "Ready", member: { reference_id: "00123" } },
  },
  {
    why: "an ID typed with leading zeros into a number column has lost them before the add-on reads it",
    cells: { "Employee ID": "00124" },
    expected: { status: "Ready", member: { reference_id: "124" } },
    decision:
      "Sheets stores 124, so the add-on cannot know about the zeros; Insert roster headers formats the ID column as plain text to prevent it.",
  },
  {
    why: "spaces around an ID are trimmed",
    cells: { "Employee ID": "  EMP-7  " },
    expected: { status: "Ready", member: { reference_id: "EMP-7" } },
  },
  {
    why: "a no-break space inside an ID is an ordinary space",
    cells: { "Employee ID": "EMP\u00A08" },
    expected: { status: "Ready", member: { reference_id: "EMP 8" } },
  },
  {
    why: "a zero-width space pasted inside an ID is invisible, so it is not part of the ID",
    cells: { "Employee ID": "EMP\u200B9" },
    expected: { status: "Ready", member: { reference_id: "EMP9" } },
  },
  {
    why: "an empty ID",
    cells: { "Employee ID": "" },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.empty]] },
  },
  {
    why: "a fractional number in the ID column cannot be an ID as typed",
    cells: { "Employee ID": { number: 1001.5 } },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.numberId("1001.5")]] },
  },
  {
    why: "a negative number in the ID column",
    cells: { "Employee ID": { number: -42 } },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.numberId("-42")]] },
  },
  {
    why: "an ID typed in scientific notation becomes a number too large to keep its digits",
    cells: { "Employee ID": "1.5E+21" },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.numberId("1.5e+21")]] },
  },
  {
    why: "a formula in the ID column (the sandbox reads every formula as #NAME?)",
    cells: { "Employee ID": "=ROW()" },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.sheetError("#NAME?")]] },
  },
  {
    why: "an ID whose lookup formula broke",
    cells: { "Employee ID": { error: "#REF!" } },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.sheetError("#REF!")]] },
  },
  {
    why: "a checked checkbox in the ID column",
    cells: { "Employee ID": { boolean: true } },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.checkbox("TRUE")]] },
  },
  {
    why: "an ID Sheets turned into a date",
    cells: { "Employee ID": "3/4/2020" },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.turnedIntoDate]] },
  },
  {
    why: "a control character pasted into an ID",
    cells: { "Employee ID": "EMP\u000710" },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.controlCharacter("U+0007")]] },
    decision:
      "product.md is silent on control characters: an invisible character in an ID would make another person in Vitable, so the row is refused with a sentence saying how to fix it.",
  },
  {
    why: "two rows with the same ID, one with spaces around it",
    group: "duplicate DUP-1",
    cells: { "Employee ID": "DUP-1" },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.duplicate("DUP-1")]], duplicate: true },
  },
  {
    why: "the second row of DUP-1",
    group: "duplicate DUP-1",
    cells: { "Employee ID": " DUP-1 " },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.duplicate("DUP-1")]], duplicate: true },
  },
  {
    why: "the third row of DUP-1, in a plain-text cell",
    group: "duplicate DUP-1",
    cells: { "Employee ID": { text: "DUP-1" } },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.duplicate("DUP-1")]], duplicate: true },
  },
  {
    why: "an ID typed as a number and the same ID in a plain-text cell are one ID",
    group: "duplicate 2001",
    cells: { "Employee ID": "2001" },
    expected: { status: "Invalid", problems: [["Employee ID", SAYS.duplicate("2001")]], duplicate: true },
  },
  {
    why: "the plain-text 2001",
    group: "duplicate 2001",
    cells: { "Employee ID": { text: "2001" }, Phone: "12" },
    expected: {
      status: "Invalid",
      problems: [
        ["Employee ID", SAYS.duplicate("2001")],
        ["Phone", SAYS.notAPhone],
      ],
      duplicate: true,
    },
  },
  {
    why: "a rehired person's old row, left out, may keep the ID of their new row",
    group: "rehired DUP-3",
    cells: { "Employee ID": "DUP-3", Include: "Terminated" },
    expected: { status: "Excluded" },
  },
  {
    why: "the rehired person's new row",
    group: "rehired DUP-3",
    cells: { "Employee ID": "DUP-3" },
    expected: { status: "Ready", member: { reference_id: "DUP-3" } },
  },
  {
    why: "IDs that differ only in case",
    group: "case of E-77",
    cells: { "Employee ID": "e-77" },
    expected: { status: "Ready", member: { reference_id: "e-77" } },
    decision:
      "product.md does not say whether IDs are case-sensitive: they are compared exactly as sent, so both rows go; if Vitable took them for one person it would refuse the whole sync, which removes nobody.",
  },
  {
    why: "the upper-case E-77",
    group: "case of E-77",
    cells: { "Employee ID": "E-77" },
    expected: { status: "Ready", member: { reference_id: "E-77" } },
  },

  // ---- Names -----------------------------------------------------------------------------------
  {
    why: "spaces around and inside a name",
    cells: { "First Name": "  Mary   Ann ", "Last Name": "\tO'Brien-Ñúñez\n" },
    expected: { status: "Ready", member: { first_name: "Mary Ann", last_name: "O'Brien-Ñúñez" } },
  },
  {
    why: "a typographic apostrophe is kept as typed",
    cells: { "Last Name": "O\u2019Connor" },
    expected: { status: "Ready", member: { last_name: "O\u2019Connor" } },
  },
  {
    why: "accented letters",
    cells: { "First Name": "Zoë", "Last Name": "Łukasiewicz-Åström" },
    expected: { status: "Ready", member: { first_name: "Zoë", last_name: "Łukasiewicz-Åström" } },
  },
  {
    why: "Chinese and Korean names",
    cells: { "First Name": "小龍", "Last Name": "李" },
    expected: { status: "Ready", member: { first_name: "小龍", last_name: "李" } },
  },
  {
    why: "Arabic, right to left",
    cells: { "First Name": "محمد", "Last Name": "الحسن" },
    expected: { status: "Ready", member: { first_name: "محمد", last_name: "الحسن" } },
  },
  {
    why: "Hebrew, right to left",
    cells: { "First Name": "דוד", "Last Name": "כהן" },
    expected: { status: "Ready", member: { first_name: "דוד", last_name: "כהן" } },
  },
  {
    why: "emoji, including a joined emoji sequence",
    cells: { "First Name": "Ana 🌻", "Last Name": "👩\u200D💻" },
    expected: { status: "Ready", member: { first_name: "Ana 🌻", last_name: "👩\u200D💻" } },
  },
  {
    why: "a right-to-left override character inside a name",
    cells: { "First Name": "\u202Eyrrah" },
    expected: { status: "Invalid", problems: [["First Name", SAYS.directionControl("U+202E")]] },
    decision:
      "An override reorders the text after it, so a name can read as another in a list of people to remove; the plain right-to-left marks that Hebrew and Arabic names carry are kept.",
  },
  {
    why: "a right-to-left mark in a Hebrew name",
    cells: { "First Name": "\u200F\u05D3\u05D5\u05D3" },
    expected: { status: "Ready", member: { first_name: "\u200F\u05D3\u05D5\u05D3" } },
  },
  {
    why: "digits in a name are text",
    cells: { "First Name": "R2", "Last Name": "D2" },
    expected: { status: "Ready", member: { first_name: "R2", last_name: "D2" } },
  },
  {
    why: "a number in a name column is read as typed",
    cells: { "Last Name": "42" },
    expected: { status: "Ready", member: { last_name: "42" } },
  },
  {
    why: "a line break inside a name is a space",
    cells: { "First Name": "Jean\nPaul" },
    expected: { status: "Ready", member: { first_name: "Jean Paul" } },
  },
  {
    why: "a zero-width space pasted inside a name is not a space the user can see",
    cells: { "First Name": "Jo\u200Bhn", "Last Name": "Smi\u2060th\uFEFF" },
    expected: { status: "Ready", member: { first_name: "John", last_name: "Smith" } },
  },
  {
    why: "the surname True typed into a number column becomes the boolean TRUE",
    cells: { "Last Name": "True" },
    expected: { status: "Invalid", problems: [["Last Name", SAYS.checkbox("TRUE")]] },
  },
  {
    why: "the surname True in a plain-text cell is text",
    cells: { "Last Name": { text: "True" } },
    expected: { status: "Ready", member: { last_name: "True" } },
  },
  {
    why: "empty names, one of them only a no-break and a zero-width space",
    cells: { "First Name": "", "Last Name": "\u00A0\u200B" },
    expected: {
      status: "Invalid",
      problems: [
        ["First Name", SAYS.empty],
        ["Last Name", SAYS.empty],
      ],
    },
  },
  {
    why: "a bell character pasted into a name",
    cells: { "First Name": "Ja\u0007ne" },
    expected: { status: "Invalid", problems: [["First Name", SAYS.controlCharacter("U+0007")]] },
    decision: "product.md is silent on control characters; they are refused rather than sent to Vitable.",
  },
  {
    why: "a name made of 255 emoji is 255 characters",
    cells: { "First Name": "😀".repeat(255) },
    expected: { status: "Ready", member: { first_name: "😀".repeat(255) } },
    decision:
      "product.md counts characters: an emoji is one character (one Unicode code point), as memberSchema and the emulator count them.",
  },
  {
    why: "a name of 256 emoji is too long",
    cells: { "Last Name": "😀".repeat(256) },
    expected: { status: "Invalid", problems: [["Last Name", SAYS.tooLong]] },
  },

  // ---- Date of birth ---------------------------------------------------------------------------
  {
    why: "an ISO date typed becomes a date cell",
    cells: { DOB: "1990-05-15" },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-15" } },
  },
  {
    why: "YYYY/MM/DD in a plain-text cell",
    cells: { DOB: { text: "1990/05/15" } },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-15" } },
  },
  {
    why: "MM/DD/YYYY typed",
    cells: { DOB: "05/15/1990" },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-15" } },
  },
  {
    why: "M/D/YYYY in a plain-text cell",
    cells: { DOB: { text: "5/7/1990" } },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-07" } },
  },
  {
    why: "MM-DD-YYYY typed",
    cells: { DOB: "05-15-1990" },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-15" } },
  },
  {
    why: "a date cell set by a script, read in the spreadsheet's time zone",
    cells: { DOB: { date: "1990-05-15" } },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-15" } },
  },
  {
    why: "a date-time cell late in the evening is still that day",
    cells: { DOB: { date: "1990-05-15", hour: 23 } },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-15" } },
  },
  {
    why: "a date serial number is read as its date, and the repair is reported",
    cells: { DOB: { number: 33008 } },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-15" }, repaired: ["DOB"] },
  },
  {
    why: "a serial number with a time of day",
    cells: { DOB: { number: 33008.75 } },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-15" }, repaired: ["DOB"] },
  },
  {
    why: "a serial number typed",
    cells: { DOB: "33008" },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-15" }, repaired: ["DOB"] },
  },
  {
    why: "serial 0 is 1899-12-30, a date before 1900 and within 130 years",
    cells: { DOB: { number: 0 } },
    expected: { status: "Ready", member: { date_of_birth: "1899-12-30" }, repaired: ["DOB"] },
  },
  {
    why: "a negative serial number is a date before 1899-12-30",
    cells: { DOB: { number: -1000 } },
    expected: { status: "Ready", member: { date_of_birth: "1897-04-04" }, repaired: ["DOB"] },
  },
  {
    why: "a negative serial number more than 130 years back",
    cells: { DOB: { number: -1200 } },
    expected: { status: "Invalid", problems: [["DOB", SAYS.tooOld]] },
  },
  {
    why: "a date before 1900 typed",
    cells: { DOB: "1/1/1899" },
    expected: { status: "Ready", member: { date_of_birth: "1899-01-01" } },
  },
  {
    why: "a date cell before 1900",
    cells: { DOB: { date: "1897-03-04" } },
    expected: { status: "Ready", member: { date_of_birth: "1897-03-04" } },
  },
  {
    why: "exactly 130 years before today",
    cells: { DOB: { text: "1896-11-23" } },
    expected: { status: "Ready", member: { date_of_birth: "1896-11-23" } },
  },
  {
    why: "one day more than 130 years before today",
    cells: { DOB: { text: "1896-11-22" } },
    expected: { status: "Invalid", problems: [["DOB", SAYS.tooOld]] },
  },
  {
    why: "a date cell in 1850, when New York kept local mean time",
    cells: { DOB: "1/1/1850" },
    expected: { status: "Invalid", problems: [["DOB", SAYS.tooOld]] },
  },
  {
    why: "today is a possible date of birth",
    cells: { DOB: "11/23/2026" },
    expected: { status: "Ready", member: { date_of_birth: "2026-11-23" } },
  },
  {
    why: "tomorrow is in the future",
    cells: { DOB: "11/24/2026" },
    expected: { status: "Invalid", problems: [["DOB", SAYS.inTheFuture("2026-11-24")]] },
  },
  {
    why: "a date far in the future",
    cells: { DOB: "12/31/2999" },
    expected: { status: "Invalid", problems: [["DOB", SAYS.inTheFuture("2999-12-31")]] },
  },
  {
    why: "a two-digit year typed is made a date by Sheets (1930–2029)",
    cells: { DOB: "5/15/90" },
    expected: { status: "Ready", member: { date_of_birth: "1990-05-15" } },
  },
  {
    why: "a two-digit year in a plain-text cell is refused",
    cells: { DOB: { text: "5/15/90" } },
    expected: { status: "Invalid", problems: [["DOB", SAYS.twoDigitYear]] },
  },
  {
    why: "February 30th typed stays text, and is not a real date",
    cells: { DOB: "2/30/1990" },
    expected: { status: "Invalid", problems: [["DOB", SAYS.notARealDate]] },
  },
  {
    why: "day first, as in Europe",
    cells: { DOB: { text: "15/05/1990" } },
    expected: { status: "Invalid", problems: [["DOB", SAYS.dayFirst]] },
  },
  {
    why: "dots between day, month and year",
    cells: { DOB: { text: "15.05.1990" } },
    expected: { status: "Invalid", problems: [["DOB", SAYS.notADate]] },
  },
  {
    why: "a date in words",
    cells: { DOB: "May 15, 1990" },
    expected: { status: "Invalid", problems: [["DOB", SAYS.notADate]] },
  },
  {
    why: "full-width digits",
    cells: { DOB: { text: "１９９０-05-15" } },
    expected: { status: "Invalid", problems: [["DOB", SAYS.notADate]] },
    decision:
      "product.md lists the date forms it accepts; full-width digits are not among them, so the row is refused.",
  },
  {
    why: "a phone number pasted into the DOB column",
    cells: { DOB: { number: 4155550100 } },
    expected: { status: "Invalid", problems: [["DOB", SAYS.numberNotADate("4155550100")]] },
  },
  {
    why: "an unchecked checkbox in the DOB column",
    cells: { DOB: { boolean: false } },
    expected: { status: "Invalid", problems: [["DOB", SAYS.checkbox("FALSE")]] },
  },
  {
    why: "a DOB formula that fails",
    cells: { DOB: { error: "#VALUE!" } },
    expected: { status: "Invalid", problems: [["DOB", SAYS.sheetError("#VALUE!")]] },
  },
  {
    why: "50,000 characters of text in the DOB column: the message quotes only its start, so it fits in a cell",
    cells: { DOB: { text: LONG_DATE_TEXT } },
    expected: { status: "Invalid", problems: [["DOB", /^"x{50,60}…" is not a date the add-on can read; type it as/]] },
  },
  {
    why: "two long values in one row still make a message that fits in a cell",
    cells: { DOB: { text: "1".repeat(30_000) }, Plan: "Basic Care ".repeat(2_700) },
    expected: {
      status: "Invalid",
      problems: [
        ["DOB", /^"1{50,60}…" is not a date the add-on can read;/],
        ["Plan", /^"(Basic Care ){4,6}\S*…" is not one of your organization's plans;/],
      ],
    },
  },

  // ---- Email -------------------------------------------------------------------------------------
  {
    why: "an email in capitals is lower-cased",
    cells: { Email: "JANE.DOE@ACME.COM" },
    expected: { status: "Ready", member: { email: "jane.doe@acme.com" } },
  },
  {
    why: "spaces and a zero-width space around an email",
    cells: { Email: " jane@acme.com\u200B" },
    expected: { status: "Ready", member: { email: "jane@acme.com" } },
  },
  {
    why: "no email: the field is left out",
    cells: { Email: "" },
    expected: { status: "Ready", member: { email: null } },
  },
  {
    why: "an email without its domain",
    cells: { Email: "jane.doe@" },
    expected: { status: "Invalid", problems: [["Email", SAYS.notAnEmail]] },
  },
  {
    why: "an email with a space inside",
    cells: { Email: "jane doe@acme.com" },
    expected: { status: "Invalid", problems: [["Email", SAYS.notAnEmail]] },
  },
  {
    why: "an email with an accented letter",
    cells: { Email: "josé@acme.com" },
    expected: { status: "Invalid", problems: [["Email", SAYS.notAnEmail]] },
    decision:
      "product.md asks for a valid address; internationalised addresses are refused (the user can type the ASCII form) rather than sent to a system that may not deliver to them.",
  },
  {
    why: "an unchecked checkbox in the optional Email column is a value, not a blank",
    cells: { Email: { boolean: false } },
    expected: { status: "Invalid", problems: [["Email", SAYS.checkbox("FALSE")]] },
  },
  {
    why: "an email lookup that found nothing",
    cells: { Email: { error: "#N/A" } },
    expected: { status: "Invalid", problems: [["Email", SAYS.sheetError("#N/A")]] },
  },

  // ---- Phone ---------------------------------------------------------------------------------------
  {
    why: "phone with brackets, space and dash",
    cells: { Phone: "(415) 555-0100" },
    expected: { status: "Ready", member: { phone: "4155550100" } },
  },
  {
    why: "phone with dots",
    cells: { Phone: "415.555.0100" },
    expected: { status: "Ready", member: { phone: "4155550100" } },
  },
  {
    why: "phone with +1",
    cells: { Phone: "+1 415 555 0100" },
    expected: { status: "Ready", member: { phone: "4155550100" } },
  },
  {
    why: "phone with +1 and brackets",
    cells: { Phone: "+1 (415) 555-0100" },
    expected: { status: "Ready", member: { phone: "4155550100" } },
  },
  {
    why: "11 digits typed: a number with the US country code",
    cells: { Phone: "14155550100" },
    expected: { status: "Ready", member: { phone: "4155550100" } },
  },
  {
    why: "+14155550100 typed: Sheets makes it a number",
    cells: { Phone: "+14155550100" },
    expected: { status: "Ready", member: { phone: "4155550100" } },
  },
  {
    why: "10 digits typed: a number",
    cells: { Phone: "4155550100" },
    expected: { status: "Ready", member: { phone: "4155550100" } },
  },
  {
    why: "en dashes between the parts",
    cells: { Phone: "415\u2013555\u20130100" },
    expected: { status: "Ready", member: { phone: "4155550100" } },
  },
  {
    why: "no-break spaces between the parts",
    cells: { Phone: "415\u00A0555\u00A00100" },
    expected: { status: "Ready", member: { phone: "4155550100" } },
  },
  {
    why: "a negative number: its minus sign is a dash like any other",
    cells: { Phone: { number: -4155550100 } },
    expected: { status: "Ready", member: { phone: "4155550100" } },
  },
  {
    why: "a phone typed in scientific notation is the number it shows",
    cells: { Phone: "4.15555E+09" },
    expected: { status: "Ready", member: { phone: "4155550000" } },
  },
  {
    why: "a fractional number",
    cells: { Phone: { number: 4155550100.5 } },
    expected: { status: "Invalid", problems: [["Phone", SAYS.notAPhone]] },
  },
  {
    why: "a number too large to show its digits",
    cells: { Phone: { number: 1e21 } },
    expected: { status: "Invalid", problems: [["Phone", SAYS.notAPhone]] },
  },
  {
    why: "an extension after x",
    cells: { Phone: "415-555-0100 x12" },
    expected: { status: "Invalid", problems: [["Phone", SAYS.extension]] },
  },
  {
    why: "an extension after ext.",
    cells: { Phone: "415.555.0100 ext. 7" },
    expected: { status: "Invalid", problems: [["Phone", SAYS.extension]] },
  },
  {
    why: "seven digits",
    cells: { Phone: "555-0100" },
    expected: { status: "Invalid", problems: [["Phone", SAYS.noAreaCode]] },
  },
  {
    why: "area code starting with 0",
    cells: { Phone: "(015) 555-0100" },
    expected: { status: "Invalid", problems: [["Phone", SAYS.notAPhone]] },
  },
  {
    why: "area code starting with 1",
    cells: { Phone: "115-555-0100" },
    expected: { status: "Invalid", problems: [["Phone", SAYS.notAPhone]] },
  },
  {
    why: "a UK number",
    cells: { Phone: "+44 20 7946 0958" },
    expected: { status: "Invalid", problems: [["Phone", SAYS.notAPhone]] },
  },
  {
    why: "letters in a phone number",
    cells: { Phone: "415-555-CALL" },
    expected: { status: "Invalid", problems: [["Phone", SAYS.notAPhone]] },
  },
  {
    why: "full-width digits",
    cells: { Phone: "４１５５５５０１００" },
    expected: { status: "Invalid", problems: [["Phone", SAYS.notAPhone]] },
    decision: "product.md takes digits and punctuation; full-width digits are refused rather than converted.",
  },
  {
    why: "no phone",
    cells: { Phone: "" },
    expected: { status: "Invalid", problems: [["Phone", SAYS.empty]] },
  },

  // ---- Plan ------------------------------------------------------------------------------------------
  {
    why: "a plan ID",
    cells: { Plan: "pln_sbx_plus" },
    expected: { status: "Ready", member: { plan_id: "pln_sbx_plus" } },
  },
  {
    why: "a plan ID in capitals",
    cells: { Plan: "PLN_SBX_FAMILY" },
    expected: { status: "Ready", member: { plan_id: "pln_sbx_family" } },
  },
  {
    why: "a plan name in lower case",
    cells: { Plan: "care plus" },
    expected: { status: "Ready", member: { plan_id: "pln_sbx_plus" } },
  },
  {
    why: "a plan name with doubled and invisible spaces",
    cells: { Plan: " FAMILY  CARE\u200B" },
    expected: { status: "Ready", member: { plan_id: "pln_sbx_family" } },
  },
  {
    why: "an unknown plan lists the valid names",
    cells: { Plan: "Gold" },
    expected: { status: "Invalid", problems: [["Plan", SAYS.unknownPlan]] },
  },
  {
    why: "a plan lookup that broke",
    cells: { Plan: { error: "#N/A" } },
    expected: { status: "Invalid", problems: [["Plan", SAYS.sheetError("#N/A")]] },
  },

  // ---- Address ---------------------------------------------------------------------------------------
  {
    why: "an apartment",
    cells: { Apt: "Apt 4B" },
    expected: { status: "Ready", member: { address_line_2: "Apt 4B" } },
  },
  {
    why: "an apartment number typed is a number, sent as typed",
    cells: { Apt: "3" },
    expected: { status: "Ready", member: { address_line_2: "3" } },
  },
  {
    why: "a unit with #",
    cells: { Apt: "#12" },
    expected: { status: "Ready", member: { address_line_2: "#12" } },
  },
  {
    why: "a unit typed as 4/5 stays text (no year)",
    cells: { Apt: "4/5" },
    expected: { status: "Ready", member: { address_line_2: "4/5" } },
  },
  {
    why: "a unit typed as 3/4/2021 becomes a date",
    cells: { Apt: "3/4/2021" },
    expected: { status: "Invalid", problems: [["Apt", SAYS.turnedIntoDate]] },
  },
  {
    why: "an address that is only a number",
    cells: { Address: "100" },
    expected: { status: "Ready", member: { address_line_1: "100" } },
  },
  {
    why: "spaces inside a city",
    cells: { City: "  San   Francisco " },
    expected: { status: "Ready", member: { city: "San Francisco" } },
  },
  {
    why: "an accented city",
    cells: { City: "Cañon City" },
    expected: { status: "Ready", member: { city: "Cañon City" } },
  },
  {
    why: "no address line 1 and no city",
    cells: { Address: "", City: "" },
    expected: {
      status: "Invalid",
      problems: [
        ["Address", SAYS.empty],
        ["City", SAYS.empty],
      ],
    },
  },
  {
    why: "a city lookup that broke",
    cells: { City: { error: "#REF!" } },
    expected: { status: "Invalid", problems: [["City", SAYS.sheetError("#REF!")]] },
  },

  // ---- State -------------------------------------------------------------------------------------------
  {
    why: "a code in lower case",
    cells: { State: "ca" },
    expected: { status: "Ready", member: { state: "CA" } },
  },
  {
    why: "a code with dots",
    cells: { State: "N.Y." },
    expected: { status: "Ready", member: { state: "NY" } },
  },
  {
    why: "a full state name is turned into its code, and the repair reported",
    cells: { State: "new york" },
    expected: { status: "Ready", member: { state: "NY" }, repaired: ["State"] },
  },
  {
    why: "the District of Columbia by name",
    cells: { State: "washington d.c." },
    expected: { status: "Ready", member: { state: "DC" }, repaired: ["State"] },
  },
  {
    why: "a territory by name",
    cells: { State: "Puerto Rico" },
    expected: { status: "Ready", member: { state: "PR" }, repaired: ["State"] },
  },
  {
    why: "a military code",
    cells: { State: "AE" },
    expected: { status: "Ready", member: { state: "AE" } },
  },
  {
    why: "a territory code in lower case",
    cells: { State: "gu" },
    expected: { status: "Ready", member: { state: "GU" } },
  },
  {
    why: "an abbreviation that is not a USPS code",
    cells: { State: "Calif" },
    expected: { status: "Invalid", problems: [["State", SAYS.notAState]] },
  },
  {
    why: "a Canadian province",
    cells: { State: "Ontario" },
    expected: { status: "Invalid", problems: [["State", SAYS.notAState]] },
  },
  {
    why: "a checked checkbox in the State column",
    cells: { State: "TRUE" },
    expected: { status: "Invalid", problems: [["State", SAYS.checkbox("TRUE")]] },
  },

  // ---- ZIP ----------------------------------------------------------------------------------------------
  {
    why: "a ZIP in a plain-text cell keeps its zero",
    cells: { ZIP: { text: "02134" } },
    expected: { status: "Ready", member: { zipcode: "02134" } },
  },
  {
    why: "a ZIP typed with a leading zero loses it in Sheets, and gets it back",
    cells: { ZIP: "02134" },
    expected: { status: "Ready", member: { zipcode: "02134" }, repaired: ["ZIP"] },
  },
  {
    why: "the lowest ZIP in use, 00501, typed",
    cells: { ZIP: "00501" },
    expected: { status: "Ready", member: { zipcode: "00501" }, repaired: ["ZIP"] },
  },
  {
    why: "ZIP+4 typed stays text",
    cells: { ZIP: "94102-1234" },
    expected: { status: "Ready", member: { zipcode: "94102-1234" } },
  },
  {
    why: "nine digits typed are a number, read as ZIP+4",
    cells: { ZIP: "941021234" },
    expected: { status: "Ready", member: { zipcode: "94102-1234" } },
  },
  {
    why: "a ZIP+4 whose leading zero Sheets dropped",
    cells: { ZIP: "021341234" },
    expected: { status: "Ready", member: { zipcode: "02134-1234" }, repaired: ["ZIP"] },
  },
  {
    why: "ZIP+4 with a space",
    cells: { ZIP: { text: "94102 1234" } },
    expected: { status: "Ready", member: { zipcode: "94102-1234" } },
  },
  {
    why: "a ZIP typed in scientific notation is the number it shows",
    cells: { ZIP: "9.4103E4" },
    expected: { status: "Ready", member: { zipcode: "94103" } },
  },
  {
    why: "four digits of text",
    cells: { ZIP: { text: "9410" } },
    expected: { status: "Invalid", problems: [["ZIP", SAYS.notAZip]] },
  },
  {
    why: "six digits",
    cells: { ZIP: "123456" },
    expected: { status: "Invalid", problems: [["ZIP", SAYS.notAZip]] },
  },
  {
    why: "a negative number",
    cells: { ZIP: { number: -2134 } },
    expected: { status: "Invalid", problems: [["ZIP", SAYS.notAZip]] },
  },
  {
    why: "a fractional number",
    cells: { ZIP: { number: 94102.5 } },
    expected: { status: "Invalid", problems: [["ZIP", SAYS.notAZip]] },
  },
  {
    why: "zero",
    cells: { ZIP: { number: 0 } },
    expected: { status: "Invalid", problems: [["ZIP", SAYS.notAZip]] },
  },
  {
    why: "a UK postcode",
    cells: { ZIP: "SW1A 1AA" },
    expected: { status: "Invalid", problems: [["ZIP", SAYS.notAZip]] },
  },

  // ---- The include column -------------------------------------------------------------------------
  {
    why: "FALSE typed leaves the row out",
    cells: { Include: "FALSE" },
    expected: { status: "Excluded" },
  },
  {
    why: "an unchecked checkbox leaves the row out",
    cells: { Include: { boolean: false } },
    expected: { status: "Excluded" },
  },
  {
    why: "No leaves the row out",
    cells: { Include: "No" },
    expected: { status: "Excluded" },
  },
  {
    why: "n leaves the row out",
    cells: { Include: "n" },
    expected: { status: "Excluded" },
  },
  {
    why: "0 typed is the number 0, which leaves the row out",
    cells: { Include: "0" },
    expected: { status: "Excluded" },
  },
  {
    why: "Excluded in capitals",
    cells: { Include: "EXCLUDED" },
    expected: { status: "Excluded" },
  },
  {
    why: "Terminated with spaces around it",
    cells: { Include: " terminated " },
    expected: { status: "Excluded" },
  },
  {
    why: "a left-out row is not validated",
    cells: { Include: "No", Phone: "nope", DOB: "" },
    expected: { status: "Excluded" },
  },
  {
    why: "Yes keeps the row in",
    cells: { Include: "Yes" },
    expected: { status: "Ready" },
  },
  {
    why: "TRUE keeps the row in",
    cells: { Include: "TRUE" },
    expected: { status: "Ready" },
  },
  {
    why: "any other word is refused rather than guessed",
    cells: { Include: "maybe" },
    expected: { status: "Invalid", problems: [["Include", SAYS.unknownInclude]] },
  },
  {
    why: "Inactive is not a word of the include column",
    cells: { Include: "Inactive" },
    expected: { status: "Invalid", problems: [["Include", SAYS.unknownInclude]] },
  },
  {
    why: "an include formula that broke is refused",
    cells: { Include: { error: "#REF!" } },
    expected: { status: "Invalid", problems: [["Include", SAYS.sheetError("#REF!")]] },
    decision:
      "product.md lists the words that leave a row out and keep it in; anything else, an error included, makes the row Invalid: " +
      "leaving a person out would end their plan and sending them might enrol someone who left, so a person decides.",
  },

  // ---- Blank and merged rows ---------------------------------------------------------------------
  {
    why: "a fully blank row in the middle of the roster is skipped",
    cells: blankCells(),
    expected: { status: "Blank" },
  },
  {
    why: "a row of spaces, no-break and zero-width spaces is blank",
    cells: blankCells(" \u00A0\u200B"),
    expected: { status: "Blank" },
  },
  {
    why: "a row with only No in its include column is blank",
    cells: { ...blankCells(), Include: "No" },
    expected: { status: "Blank" },
  },
  {
    why: "a row of unchecked checkboxes is blank",
    cells: blankCells({ boolean: false }),
    expected: { status: "Blank" },
  },
  {
    why: "a row with only a note of the user's is a person with nothing filled in",
    cells: { ...blankCells(), Notes: "left in March" },
    expected: {
      status: "Invalid",
      problems: [
        ["Employee ID", SAYS.empty],
        ["First Name", SAYS.empty],
        ["Last Name", SAYS.empty],
        ["DOB", SAYS.empty],
        ["Phone", SAYS.empty],
        ["Plan", SAYS.empty],
        ["Address", SAYS.empty],
        ["City", SAYS.empty],
        ["State", SAYS.empty],
        ["ZIP", SAYS.empty],
      ],
    },
  },
  {
    why: "every problem of a row at once, left to right",
    cells: {
      DOB: { text: "2/30/1990" },
      Email: "nope",
      Phone: "415-555-010",
      Plan: "Gold",
      State: "XX",
      ZIP: { text: "941" },
    },
    expected: {
      status: "Invalid",
      problems: [
        ["DOB", SAYS.notARealDate],
        ["Email", SAYS.notAnEmail],
        ["Phone", SAYS.notAPhone],
        ["Plan", SAYS.unknownPlan],
        ["State", SAYS.notAState],
        ["ZIP", SAYS.notAZip],
      ],
    },
  },
  {
    why: "the first row of a Plan cell merged over two rows holds the value",
    group: "merged Plan",
    cells: { Plan: "Care Plus" },
    expected: { status: "Ready", member: { plan_id: "pln_sbx_plus" } },
  },
  {
    why: "the second row of the merged Plan cell reads as empty",
    group: "merged Plan",
    cells: { Plan: { merged: true } },
    expected: { status: "Invalid", problems: [["Plan", SAYS.empty]] },
    decision:
      "getValues() gives only a merged range's first cell its value; the add-on does not guess that the other rows share it, and asks for each row's plan.",
  },
  {
    why: "Address merged across Address and Apt: the Apt cell reads as empty",
    cells: { Address: "77 Merged Ave", Apt: { merged: true } },
    expected: { status: "Ready", member: { address_line_1: "77 Merged Ave" } },
  },

  // ---- Hidden rows ----------------------------------------------------------------------------------
  {
    why: "a hidden valid row is sent",
    hidden: true,
    cells: {},
    expected: { status: "Ready" },
  },
  {
    why: "a hidden invalid row is reported",
    hidden: true,
    cells: { ZIP: "nine" },
    expected: { status: "Invalid", problems: [["ZIP", SAYS.notAZip]] },
  },
  {
    why: "a hidden left-out row",
    hidden: true,
    cells: { Include: "No" },
    expected: { status: "Excluded" },
  },
];
