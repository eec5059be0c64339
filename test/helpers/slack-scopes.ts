// Every Web API method the bot called has its scope in the manifest (src/slack/access/scopes.ts).
import { expect } from 'vitest';
import { SLACK_METHOD_SCOPES } from '../../src/slack/access/scopes.ts';
import type { FakeSlack } from './fake-slack.ts';

export function expectCallsWithinScopes(slack: FakeSlack): void {
  const undeclared = slack.calls.map((c) => c.method).filter((m) => !(m in SLACK_METHOD_SCOPES));
  expect(undeclared).toEqual([]);
}
