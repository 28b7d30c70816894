import { createScriptRun, type ScriptRunAnswer } from "./scriptRun";

/**
 * `google` for the sidebar and dialogs, loaded before their own script: `google.script.run` calls
 * the add-on in the preview's runtime, `google.script.host.close()` closes the page it is in.
 */
async function postJson(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

const run = createScriptRun((functionName, args) =>
  postJson("/api/script-run", { functionName, args }).then((answer) => answer as ScriptRunAnswer),
);

Object.assign(window, {
  google: {
    script: {
      run,
      host: {
        close() {
          const surface = location.pathname === "/dialog" ? "dialog" : "sidebar";
          void postJson(`/api/${surface}/close`, {}).catch(() => undefined);
        },
      },
    },
  },
});
