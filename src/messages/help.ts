/** The Help dialog of the add-on's menu. */
import { ADDON_NAME } from "./menu";

export const HELP_TITLE = `${ADDON_NAME}: help`;

export const HELP_TEXT = [
  "Keep one tab per Vitable group, one person per row, with a header row naming the columns.",
  "",
  "Required columns: Employee ID, First Name, Last Name, Date of Birth, Phone, Plan, Address Line 1, City, State, ZIP. " +
    "Optional: Email, Address Line 2, and Include (Yes or No; No, FALSE, 0, Excluded or Terminated leaves a row out on purpose).",
  "",
  "Exports from HR systems work as pasted: an Employment Status of Terminated, Inactive, Separated or Deceased, " +
    "or a Termination Date that has come, leaves the row out. If the add-on cannot tell which column is which, " +
    "choose them with Map columns in the sidebar; every sync of the tab, scheduled ones too, uses your choice.",
  "",
  "Every sync replaces the group's roster in Vitable: anyone missing from the tab loses their coverage. " +
    "The add-on shows who would be removed before it sends anything, and asks before removing several people.",
  "",
  "The add-on writes only its own columns, Vitable Status, Vitable Message and Vitable Synced At. " +
    "Statuses: Ready, Invalid (the message says which cells to fix), Pending, Added, Synced, Failed (with Vitable's reason) and Excluded.",
].join("\n");
