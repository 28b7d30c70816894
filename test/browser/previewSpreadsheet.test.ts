import { usePreview } from "./support/previewFixture";
import { cellShows, cellText, columnOf, grid, openFold, sidebarButton, typeIntoCell, useMenu } from "./support/steps";

/**
 * The preview's spreadsheet behaves as Sheets does where the add-on can tell: typed values are
 * parsed and displayed as Sheets would, rows can be added, a CSV file becomes a tab the menu acts
 * on, and the schedule's trigger can be fired from the page. Starts from the "sample" workbook:
 * connected, the Roster tab linked to "Sample Company Staff".
 */
const preview = usePreview({ seed: "sample", screenshots: "previewSpreadsheet" });

it("adds an empty row below the selected one", async () => {
  const { page } = preview;
  await grid(page).waitFor();
  const below = await cellText(page, "B4");
  await grid(page).getByRole("rowheader", { name: "3", exact: true }).click();
  await page.getByRole("button", { name: "Add row", exact: true }).click();
  await cellShows(page, "B5", below);
  expect(await cellText(page, "B4")).toBe("");
});

it("imports a CSV file as a new tab, which the menu's Validate this tab then checks", async () => {
  const { page } = preview;
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import CSV", exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: "New hires.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      [
        "Employee ID,First Name,Last Name,DOB,Phone,Plan,Address,City,State,ZIP",
        "2001,Nora,Quinn,5/6/1991,(415) 555-0201,Basic Care,1 Market St,San Francisco,CA,94105",
        "2002,Omar,Reyes,2/30/1988,(415) 555-0202,Basic Care,2 Market St,San Francisco,CA,94105",
      ].join("\n"),
    ),
  });
  await page.getByRole("tab", { name: "New hires", selected: true }).waitFor();
  await page.getByRole("grid", { name: "New hires" }).waitFor();
  await cellShows(page, "B2", "Nora");
  // Typed as Sheets parses it: a real date is a date, an impossible one stays text.
  expect(await cellText(page, "D2")).toBe("5/6/1991");
  expect(await cellText(page, "D3")).toBe("2/30/1988");

  await useMenu(page, "Validate this tab");
  const dialog = page.getByRole("dialog", { name: "Vitable Roster Sync" });
  await dialog.getByText('"New hires": 1 ready, 1 invalid', { exact: false }).waitFor();
  await preview.snap("imported-tab-validated");
  await dialog.getByRole("button", { name: "OK", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  const status = await columnOf(page, "Vitable Status");
  await cellShows(page, `${status}3`, "Invalid");
});

it("shows typed dates and numbers as Sheets displays them", async () => {
  const { page } = preview;
  // A date typed into a text cell gets the format it was typed in; a date cell keeps its own.
  await typeIntoCell(page, "D3", "1988-3-2", "1988-03-02");
  await typeIntoCell(page, "D2", "05/07/1991", "5/7/1991");
  // A ZIP typed as a number loses its leading zero, unless typed with an apostrophe.
  await typeIntoCell(page, "J2", "02134", "2134");
  await typeIntoCell(page, "J3", "'02134", "02134");
  await preview.snap("typed-values");

  await useMenu(page, "Validate this tab");
  const dialog = page.getByRole("dialog", { name: "Vitable Roster Sync" });
  await dialog.getByText('"New hires": 2 ready, 0 invalid', { exact: false }).waitFor();
  await dialog.getByRole("button", { name: "OK", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
});

it("sets a schedule in the sidebar and fires it from the page; the log records the run", async () => {
  const { page, sidebar } = preview;
  await page.getByRole("tab", { name: "Roster" }).click();
  await page.getByRole("grid", { name: "Roster" }).waitFor();
  const schedule = page.getByRole("group", { name: "Schedule" });
  await schedule.getByText("No scheduled sync", { exact: true }).waitFor();

  await useMenu(page, "Schedule syncs…");
  const scheduleSection = await openFold(sidebar, "Schedule");
  await scheduleSection.getByRole("combobox", { name: /^Sync/ }).selectOption({ label: "Every hour" });
  await sidebarButton(sidebar, "Save schedule").click();
  await scheduleSection.getByText("Every hour", { exact: false }).first().waitFor();
  await schedule.getByText(/^Next scheduled run: /).waitFor();
  await preview.snap("scheduled");

  // The add-on created the sample's group, so it knows the group holds nobody: the scheduled run
  // has no one to ask and nothing to fear, and sends the never-synced Roster tab.
  await schedule.getByRole("button", { name: "Run scheduled sync now", exact: true }).click();
  await page.getByRole("tab", { name: "Vitable Sync Log" }).click();
  const log = page.getByRole("grid", { name: "Vitable Sync Log" });
  await log.getByText("Completed", { exact: true }).waitFor();
  await log.getByText("Schedule", { exact: false }).first().waitFor();
  await preview.snap("scheduled-run-logged");
});
