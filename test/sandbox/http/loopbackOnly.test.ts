import { request as httpRequest } from "node:http";
import { startEmulator, type RunningEmulator } from "../../../sandbox/emulator/server";

/**
 * The emulator (and the preview, which uses the same guard) answers only the developer's own
 * tools: raw HTTP requests, so the Host and Origin headers are exactly what a browser would send.
 */

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port: emulator.port, method, path, headers, setHost: headers.host === undefined },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const AUTH = { authorization: "Bearer vit_apk_sandbox" };

it("answers requests for 127.0.0.1 and localhost", async () => {
  expect((await send("GET", "/v1/plans", { ...AUTH, host: `127.0.0.1:${emulator.port}` })).status).not.toBe(421);
  expect((await send("GET", "/v1/plans", { ...AUTH, host: `localhost:${emulator.port}` })).status).not.toBe(421);
});

it("refuses a Host of another name, as DNS rebinding would send", async () => {
  const answer = await send("GET", "/v1/plans", { ...AUTH, host: `rebind.evil.example:${emulator.port}` });
  expect(answer.status).toBe(421);
});

it("refuses a request from another site's page", async () => {
  const answer = await send("GET", "/v1/plans", { ...AUTH, origin: "https://evil.example" });
  expect(answer.status).toBe(403);
});

it("refuses a body that is not JSON, as a cross-site form post would send", async () => {
  const form = "name=Acme&external_reference_id=acme";
  const answer = await send(
    "POST",
    "/v1/groups",
    {
      ...AUTH,
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(form.length),
    },
    form,
  );
  expect(answer.status).toBe(415);
});
