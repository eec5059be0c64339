import { describe, expect, it } from 'vitest';
import { INITIAL_KEY_WINDOW_MS, initialAccessKey } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { consoleUser, daysAgo, key, report, user } from '../../../test/checks/iam/fixtures.ts';

const created = daysAgo(200);
const at = (offsetMs: number) => new Date(created.getTime() + offsetMs);

describe('iam.initial-access-key', () => {
  it('fails a console user whose key was created with the user and never used', () => {
    const results = evaluate(initialAccessKey, [report([consoleUser('alice', { userCreationTime: created, keys: [key('access_key_1', { active: true, lastRotated: at(20_000) })] })])]);
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        resourceId: 'alice',
        subResourceId: 'access_key_1',
        evidence: 'alice access_key_1 was created with the user on 2026-05-09 and has never been used',
        details: { slot: 'access_key_1', active: true, lastUsedDate: null },
      },
    ]);
  });

  it('uses a two-minute window around user creation', () => {
    const row = (offset: number) => consoleUser('a', { userCreationTime: created, keys: [key('access_key_1', { active: true, lastRotated: at(offset) })] });
    expect(evaluate(initialAccessKey, [report([row(INITIAL_KEY_WINDOW_MS)])])[0]?.status).toBe('FAIL');
    expect(evaluate(initialAccessKey, [report([row(INITIAL_KEY_WINDOW_MS + 1)])])[0]).toMatchObject({
      status: 'PASS',
      evidence: 'a access_key_1 was created after the user, not with it',
    });
  });

  it('passes a key that has been used, and an inactive one', () => {
    const results = evaluate(initialAccessKey, [
      report([
        consoleUser('a', {
          userCreationTime: created,
          keys: [key('access_key_1', { active: true, lastRotated: at(5_000), lastUsedDate: daysAgo(3) }), key('access_key_2', { lastRotated: at(6_000) })],
        }),
      ]),
    ]);
    expect(results.map((r) => [r.subResourceId, r.status, r.evidence])).toEqual([
      ['access_key_1', 'PASS', 'a access_key_1 is in use'],
      ['access_key_2', 'PASS', 'a access_key_2 is inactive'],
    ]);
  });

  it('leaves programmatic-only users out of scope', () => {
    const results = evaluate(initialAccessKey, [report([user('ci', { userCreationTime: created, keys: [key('access_key_1', { active: true, lastRotated: at(1_000) })] })])]);
    expect(results).toMatchObject([{ status: 'PASS', resourceType: 'AWS::::Account', evidence: 'No console user has an access key' }]);
  });

  it('gives ERROR for an active key without a creation date', () => {
    const results = evaluate(initialAccessKey, [report([consoleUser('a', { keys: [key('access_key_1', { active: true })] })])]);
    expect(results[0]?.status).toBe('ERROR');
  });
});
