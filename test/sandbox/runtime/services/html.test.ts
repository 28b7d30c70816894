import { createHtmlService, DEFAULT_DIALOG_SIZE, htmlPage } from "../../../../sandbox/runtime/services/html";
import { testExecution } from "../support/testExecution";

const FILES = new Map([["Sidebar", "<h1>Vitable Roster Sync</h1>"]]);

describe("HtmlService", () => {
  it.each([["Sidebar"], ["Sidebar.html"]])("finds the project's HTML file named %j", (name) => {
    const html = createHtmlService(FILES, testExecution());
    expect(html.createHtmlOutputFromFile(name).getContent()).toBe("<h1>Vitable Roster Sync</h1>");
  });

  it("says when no HTML file has the name", () => {
    const html = createHtmlService(FILES, testExecution());
    expect(() => html.createHtmlOutputFromFile("Dialog")).toThrow("No HTML file named Dialog was found.");
  });

  it("builds output with chained setters, readable by the host", () => {
    const html = createHtmlService(FILES, testExecution());
    const output = html
      .createHtmlOutput("<p>One</p>")
      .append("<p>Two</p>")
      .setTitle("Vitable Roster Sync")
      .setWidth(420)
      .setHeight(300)
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL)
      .addMetaTag("viewport", "width=device-width")
      .setFaviconUrl("https://example.com/icon.png");

    expect(output.getContent()).toBe("<p>One</p><p>Two</p>");
    expect([output.getTitle(), output.getWidth(), output.getHeight()]).toEqual(["Vitable Roster Sync", 420, 300]);
    expect(htmlPage(output)).toEqual({
      content: "<p>One</p><p>Two</p>",
      title: "Vitable Roster Sync",
      width: 420,
      height: 300,
      xFrameOptionsMode: "ALLOWALL",
      faviconUrl: "https://example.com/icon.png",
      metaTags: [{ name: "viewport", content: "width=device-width" }],
    });
    expect(htmlPage({})).toBeNull();
  });

  it("starts empty with the default dialog size, and replaces content", () => {
    const output = createHtmlService(FILES, testExecution()).createHtmlOutput();
    expect([output.getContent(), output.getTitle()]).toEqual(["", ""]);
    expect([output.getWidth(), output.getHeight()]).toEqual([DEFAULT_DIALOG_SIZE.width, DEFAULT_DIALOG_SIZE.height]);
    expect(output.setContent("<p>New</p>").getContent()).toBe("<p>New</p>");
  });

  it("accepts only the meta tags Apps Script allows", () => {
    const output = createHtmlService(FILES, testExecution()).createHtmlOutput();
    expect(() => output.addMetaTag("description", "Roster")).toThrow("Invalid argument: name");
  });

  it("has no methods the sandbox does not implement", () => {
    const html = createHtmlService(FILES, testExecution()) as unknown as Record<string, unknown>;
    expect(html.createTemplateFromFile).toBeUndefined();
  });
});
