import { createScriptRun, type ScriptRunAnswer } from "./scriptRun";

/**
 * `google` for the sidebar, loaded before its own script: `google.script.run` calls the add-on in
 * the preview's runtime, `google.script.host.close()` closes the sidebar.
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
          void postJson("/api/sidebar/close", {}).catch(() => undefined);
        },
      },
    },
  },
});
