// The Slack Web API methods awscheck calls and the bot scope each needs. manifest.yml grants exactly these
// (plus `commands` for /awscheck); a test keeps the two equal, so a new call can't ship without its scope.

/** Method → bot scope; undefined where Slack needs none beyond the bot token. */
export const SLACK_METHOD_SCOPES: Readonly<Record<string, string | undefined>> = {
  'auth.test': undefined,
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'conversations.open': 'im:write',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  'users.info': 'users:read',
  'usergroups.users.list': 'usergroups:read',
  'views.open': undefined,
  'views.publish': undefined,
  'views.push': undefined,
  'views.update': undefined,
};

/** Scopes for features rather than Web API calls. */
export const FEATURE_SCOPES = ['commands'] as const;

export function requiredBotScopes(): string[] {
  const scopes = new Set<string>(FEATURE_SCOPES);
  for (const scope of Object.values(SLACK_METHOD_SCOPES)) if (scope) scopes.add(scope);
  return [...scopes].sort();
}
