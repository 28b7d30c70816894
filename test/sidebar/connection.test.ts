/** @jest-environment jsdom */
import { deferred, ServerSentence } from "./support/fakeServer";
import { CONNECTION, state } from "./support/fixtures";
import {
  buttonOf,
  click,
  closeSidebars,
  errorIn,
  inputOf,
  openSidebar,
  sectionOf,
  settle,
  textOf,
  type,
} from "./support/page";

afterEach(() => {
  expect(closeSidebars()).toEqual([]);
});

const KEY = "vit_apk_live_9c2b51e04d7a4f0f8e3a7f3a";

function everythingShown(root: HTMLElement): string {
  const values = [...root.querySelectorAll("input")].map((input) => input.value);
  return [root.textContent, ...values].join(" ");
}

describe("Connection", () => {
  it("connects with the key, environment and scope chosen, and never shows the key back in full", async () => {
    const connected = deferred<typeof CONNECTION>();
    const { root, server } = await openSidebar({
      getSidebarState: () => state({ connection: null }),
      connect: () => connected.promise,
      listGroups: () => ({ groups: [] }),
    });
    const connection = sectionOf(root, "Connection");
    const key = inputOf(connection, "apiKey");
    expect(key.type).toBe("password");

    type(key, `  ${KEY} `);
    type(connection.querySelector("select")!, "uat");
    connection.querySelector<HTMLInputElement>('input[name="keyScope"][value="document"]')!.click();
    inputOf(connection, "sharedRiskAccepted").click();
    const connect = buttonOf(connection, "Connect");
    await click(connect);

    expect(connect.disabled).toBe(true);
    expect(connect.classList.contains("busy")).toBe(true);
    expect(server.requestsOf("connect")).toEqual([
      { apiKey: KEY, environment: "uat", scope: "document", sharedRiskAccepted: true },
    ]);

    connected.resolve({ ...CONNECTION, environment: "uat", scope: "document", connectedBy: "hr@example.com" });
    await settle();
    const shown = sectionOf(root, "Connection");
    // Every editor sees whose key gives them the organization's Vitable access.
    expect(textOf(shown)).toContain("connected by hr@example.com");
    expect(textOf(shown)).toContain("UAT");
    expect(textOf(shown)).toContain("••••7f3a");
    expect(textOf(shown)).toContain("Saved for everyone who edits this spreadsheet");
    expect(everythingShown(root)).not.toContain(KEY);
    expect(everythingShown(root)).not.toContain("9c2b51e04d7a");
  });

  it("warns what sharing a key with every editor allows, and connects only once that is acknowledged", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state({ connection: null }),
      connect: () => ({ ...CONNECTION, scope: "document", connectedBy: "hr@example.com" }),
      listGroups: () => ({ groups: [] }),
    });
    const connection = sectionOf(root, "Connection");
    const warning = connection.querySelector<HTMLElement>("#shared-key-risk")!;
    const understood = inputOf(connection, "sharedRiskAccepted");
    // Only me: no warning, no box, and the key is saved without an acknowledgement.
    expect(warning.textContent).toBe("");
    expect(understood.closest("label")!.hidden).toBe(true);

    connection.querySelector<HTMLInputElement>('input[name="keyScope"][value="document"]')!.click();

    // Said in a live region that was in the page before, so it is read out as it appears.
    expect(warning.getAttribute("aria-live")).toBe("polite");
    expect(warning.textContent).toContain("Everyone who can edit this spreadsheet, now or later");
    expect(warning.textContent).toContain("shows who connected it");
    expect(understood.closest("label")!.hidden).toBe(false);
    expect(understood.getAttribute("aria-describedby")).toBe("shared-key-risk");
    expect(textOf(understood.closest("label")!)).toBe(
      "I understand that everyone who can edit this spreadsheet can use this key",
    );

    type(inputOf(connection, "apiKey"), KEY);
    await click(buttonOf(connection, "Connect"));

    expect(server.requestsOf("connect")).toEqual([]);
    expect(errorIn(connection)).toBe("Tick the box above to share the key with every editor, or choose Only me.");
    expect(understood.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(understood);

    understood.click();
    await click(buttonOf(connection, "Connect"));

    expect(understood.hasAttribute("aria-invalid")).toBe(false);
    expect(server.requestsOf("connect")).toEqual([
      { apiKey: KEY, environment: "production", scope: "document", sharedRiskAccepted: true },
    ]);
  });

  it("forgets the acknowledgement when Only me is chosen again", async () => {
    const { root } = await openSidebar({ getSidebarState: () => state({ connection: null }) });
    const connection = sectionOf(root, "Connection");
    connection.querySelector<HTMLInputElement>('input[name="keyScope"][value="document"]')!.click();
    inputOf(connection, "sharedRiskAccepted").click();

    connection.querySelector<HTMLInputElement>('input[name="keyScope"][value="user"]')!.click();
    connection.querySelector<HTMLInputElement>('input[name="keyScope"][value="document"]')!.click();

    expect(inputOf(connection, "sharedRiskAccepted").checked).toBe(false);
  });

  it("explains a key that does not look like a Vitable key, without calling the server", async () => {
    const { root, server } = await openSidebar({ getSidebarState: () => state({ connection: null }) });
    const connection = sectionOf(root, "Connection");

    type(inputOf(connection, "apiKey"), "sk_live_51H8");
    await click(buttonOf(connection, "Connect"));

    expect(errorIn(connection)).toBe(
      'A Vitable API key starts with "vit_apk_". Copy the whole key from Vitable and paste it here.',
    );
    expect(server.requestsOf("connect")).toEqual([]);
  });

  it("shows Vitable's refusal next to the form and keeps the form", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state({ connection: null }),
      connect: () => {
        throw new ServerSentence("Vitable rejected this API key. Copy it again from Vitable, or ask for a new one.");
      },
    });
    const connection = sectionOf(root, "Connection");

    type(inputOf(connection, "apiKey"), KEY);
    await click(buttonOf(connection, "Connect"));

    expect(errorIn(connection)).toBe(
      "Vitable rejected this API key. Copy it again from Vitable, or ask for a new one.",
    );
    expect(buttonOf(connection, "Connect").disabled).toBe(false);
  });

  it("asks before disconnecting, and shows the form again afterwards", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      disconnect: () => ({}),
    });
    const connection = sectionOf(root, "Connection");

    await click(buttonOf(connection, "Disconnect"));
    expect(server.requestsOf("disconnect")).toEqual([]);
    expect(textOf(connection)).toContain("Disconnect from Vitable?");

    await click(buttonOf(connection, "Cancel"));
    expect(textOf(connection)).not.toContain("Disconnect from Vitable?");

    await click(buttonOf(connection, "Disconnect"));
    await click(connection.querySelector<HTMLButtonElement>(".card .button.danger")!);
    expect(server.requestsOf("disconnect")).toEqual([{}]);
    expect(inputOf(connection, "apiKey").value).toBe("");
  });
});
