import { useAddonSandbox } from "../support/addonSandbox";
import { FAULT_ROWS } from "./faultRows";
import { expectRecovery, expectSafeAfterFault, FaultContext, runFlow } from "./faultWorld";

/**
 * The fault matrix (docs/reliability.md): for each fault, injected through the emulator or the
 * runtime, the run ends with the right sentence, nobody still in the sheet leaves the group, no
 * cell of the user's changes, the records agree with the rows and the log, and once the fault is
 * cleared a normal sync puts everything right.
 */

const sandbox = useAddonSandbox();

it.each(FAULT_ROWS.map((row) => [row.name, row] as const))("%s", async (_, row) => {
  const ctx = await FaultContext.start(sandbox, row);
  const before = await ctx.before();
  await row.inject(ctx);

  const run = runFlow(ctx, row.flow);
  ctx.stopHook();

  await expectSafeAfterFault(ctx, before, run);
  await row.also?.(ctx, run);

  await ctx.clearFaults();
  const confirmed = await row.recover?.(ctx);
  await expectRecovery(ctx, confirmed ?? []);
});
