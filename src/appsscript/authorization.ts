/**
 * Whether the add-on needs its user to approve permissions again: an update that adds a scope
 * leaves the user's time-driven trigger without it until they open the add-on once.
 */
export function needsApproval(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
}
