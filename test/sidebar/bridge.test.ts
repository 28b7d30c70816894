import { call } from "../../src/sidebar/bridge";
import { fakeServer, installServer, ServerSentence } from "./support/fakeServer";
import { CONNECTION, ROSTER_SHEET_ID, tab } from "./support/fixtures";

const page = globalThis as { google?: unknown };

afterEach(() => {
  delete page.google;
});

describe("call", () => {
  it("sends the request through google.script.run and resolves with the answer's value", async () => {
    const server = fakeServer({ linkTab: ({ sheetId }) => tab({ sheetId }) });
    installServer(server);

    await expect(call("linkTab", { sheetId: ROSTER_SHEET_ID, groupId: "grp_1" })).resolves.toEqual(tab());
    expect(server.calls).toEqual([{ name: "linkTab", request: { sheetId: ROSTER_SHEET_ID, groupId: "grp_1" } }]);
    expect(server.problems).toEqual([]);
  });

  it("leaves out properties the schema does not know", async () => {
    const server = fakeServer({ unlinkTab: ({ sheetId }) => tab({ sheetId }) });
    installServer(server);
    const request = { sheetId: ROSTER_SHEET_ID, stray: new Date() };

    await call("unlinkTab", request);
    expect(server.calls[0]?.request).toEqual({ sheetId: ROSTER_SHEET_ID });
  });

  it("rejects with the server's sentence when the answer is not ok", async () => {
    installServer(
      fakeServer({
        connect: () => {
          throw new ServerSentence("Vitable rejected this API key. Check that you copied all of it.");
        },
      }),
    );

    await expect(call("connect", { apiKey: "vit_apk_x", environment: "uat", scope: "user" })).rejects.toThrow(
      "Vitable rejected this API key. Check that you copied all of it.",
    );
  });

  it("rejects with the message of a server function that failed", async () => {
    installServer(
      fakeServer({
        previewSync: () => {
          throw new Error("Exceeded maximum execution time");
        },
      }),
    );

    await expect(call("previewSync", { sheetId: ROSTER_SHEET_ID })).rejects.toThrow("Exceeded maximum execution time");
  });

  it("rejects with a sentence about the connection when a failure carries no message", async () => {
    installServer(
      fakeServer({
        disconnect: () => {
          throw new Error("");
        },
      }),
    );

    await expect(call("disconnect", {})).rejects.toThrow(/could not reach the add-on\. Check your internet connection/);
  });

  it("refuses a Date before sending, naming the field", async () => {
    const server = fakeServer({ selectCell: () => ({}) });
    installServer(server);
    const request = { sheetId: ROSTER_SHEET_ID, row: new Date(), column: 2 } as unknown as Parameters<
      typeof call<"selectCell">
    >[1];

    await expect(call("selectCell", request)).rejects.toThrow(
      'The sidebar did not send "selectCell" because row should be a number, not a Date object (send times as ISO text).',
    );
    expect(server.calls).toEqual([]);
  });

  it("refuses a request of the wrong shape before sending, without echoing text", async () => {
    const server = fakeServer();
    installServer(server);
    const request = { apiKey: "vit_apk_secret123", environment: "staging", scope: "user" } as unknown as Parameters<
      typeof call<"connect">
    >[1];

    const rejection = call("connect", request);
    await expect(rejection).rejects.toThrow(
      'did not send "connect" because environment is not an accepted value (text)',
    );
    await expect(rejection).rejects.not.toThrow(/secret123/);
    expect(server.calls).toEqual([]);
  });

  it("rejects an answer that does not match the response schema", async () => {
    // The fake server notes the answer as a problem too; this test is about the sidebar's side.
    installServer(
      fakeServer({ connect: () => ({ ...CONNECTION, environment: "staging" }) as unknown as typeof CONNECTION }),
    );

    await expect(call("connect", { apiKey: "vit_apk_x", environment: "production", scope: "user" })).rejects.toThrow(
      "The add-on answered in a way this sidebar does not understand.",
    );
  });

  it("rejects with a sentence when the page is not inside Google Sheets", async () => {
    await expect(call("getSidebarState", {})).rejects.toThrow(/could not reach the add-on/);
  });
});
