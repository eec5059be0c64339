// After the whole suite: every AWS command any test made a session send must be allowed by the policy that
// `awscheck policy` prints (scan calls; the store's table calls with AWSCHECK_DB=dynamodb://…) or
// `awscheck policy --remediation` prints (fix calls).
// A gap fails the run: shipping a policy that lacks an action means a check that silently can't run.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CHECKS } from '../../checks/index.ts';
import { iamActionFor } from '../../src/policy/command-actions.ts';
import { readActionsFor } from '../../src/policy/read-only.ts';
import { CALL_LOG_DIR } from './call-log-dir.ts';

function recordedCalls(): string[] {
  if (!existsSync(CALL_LOG_DIR)) return [];
  return readdirSync(CALL_LOG_DIR).flatMap((f) => readFileSync(join(CALL_LOG_DIR, f), 'utf8').split('\n').filter(Boolean));
}

async function allowedFor(purpose: string): Promise<Set<string>> {
  if (purpose === 'scan') return new Set(readActionsFor(ALL_CHECKS));
  if (purpose === 'store') {
    const { DYNAMODB_STORE_ACTIONS } = await import('../../src/store/dynamodb/permissions.ts');
    return new Set(DYNAMODB_STORE_ACTIONS);
  }
  if (purpose === 'alerts') {
    const { alertsActions } = (await import('../../src/policy/alerts.ts')) as { alertsActions: () => string[] };
    return new Set(alertsActions());
  }
  const { remediationActions } = (await import('../../src/policy/remediation.ts')) as { remediationActions: () => string[] };
  return new Set(remediationActions());
}

export default function setup(): () => Promise<void> {
  rmSync(CALL_LOG_DIR, { recursive: true, force: true });
  return async () => {
    const gaps: string[] = [];
    const calls = [...new Set(recordedCalls())];
    const allowed = new Map<string, Set<string>>();
    for (const line of calls) {
      const [purpose = '', client = '', command = ''] = line.split(' ');
      if (!allowed.has(purpose)) allowed.set(purpose, await allowedFor(purpose));
      const action = iamActionFor(client, command);
      if (!allowed.get(purpose)?.has(action)) gaps.push(`${purpose}: ${client} ${command} needs ${action}`);
    }
    rmSync(CALL_LOG_DIR, { recursive: true, force: true });
    if (gaps.length > 0) {
      console.error(`\nLeast privilege: the generated policy does not cover calls the suite made:\n  ${gaps.join('\n  ')}\n`);
      process.exitCode = 1;
    } else {
      console.log(`Least privilege: all ${calls.length} distinct AWS commands sent during the suite are covered by the generated policies.`);
    }
  };
}
