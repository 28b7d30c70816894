/** Sentences about which tab the sidebar acts on. */

/**
 * The sidebar asked to act on a tab other than the one on screen (it had not caught up with a
 * click on another tab), so nothing was done. `shown` is null when that tab has been deleted.
 */
export function tabNotOnScreen(shown: string | null, onScreen: string): string {
  const was =
    shown === null ? "The tab the sidebar was showing has been deleted" : `The sidebar was showing "${shown}"`;
  return `${was}, but "${onScreen}" is the tab on screen now. Nothing was done: check the sidebar, which now shows "${onScreen}", and try again.`;
}
