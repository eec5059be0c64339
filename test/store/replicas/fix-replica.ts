// One replica working fix requests on the shared DynamoDB table, in a process of its own (ROLE):
// - race: tries to approve and then apply each of COUNT requests; prints one line per transition it won.
// - hold: holds the lease on req-held (approved by it) and renews it for LEASE_MS into `applying` and then hangs (the test kills it with SIGKILL).
import { DynamoDbStore } from '../../../src/store/dynamodb/history-store.ts';
import type { NewAuditEvent } from '../../../src/remediation/store.ts';

const store = new DynamoDbStore({ table: process.env.TABLE!, region: 'us-east-1', endpoint: process.env.ENDPOINT!, retentionDays: 30 });
const owner = process.env.OWNER!;

function audit(event: string, subjectId: string): NewAuditEvent {
  return { at: new Date().toISOString(), event, actor: owner, subject: 'fix', subjectId, checkId: 'c', accountId: '123456789012', region: 'us-east-1', resourceId: subjectId, detail: {} };
}

async function race(): Promise<void> {
  const count = Number(process.env.COUNT);
  for (let i = 0; i < count; i++) {
    const id = `req-${i}`;
    const lease = { owner, expiresAt: new Date(Date.now() + 60_000).toISOString() };
    const approved = await store.remediation.transitionRequest({ id, from: 'requested', to: 'approved', changes: { approval: { by: owner, at: lease.expiresAt } }, audit: audit('fix.approved', id), lease: { take: lease } });
    if (approved.outcome !== 'won') continue;
    const applying = await store.remediation.transitionRequest({ id, from: 'approved', to: 'applying', changes: {}, audit: audit('fix.applying', id), lease: { holder: owner, now: new Date().toISOString() } });
    // The one AWS write of this fix would happen here, only after winning `applying`.
    if (applying.outcome === 'won') process.stdout.write(`write ${id}\n`);
  }
}

async function hold(): Promise<void> {
  const expiresAt = new Date(Date.now() + Number(process.env.LEASE_MS)).toISOString();
  const won = await store.remediation.transitionRequest({ id: 'req-held', from: 'approved', to: 'applying', changes: { journal: { step: 'about to revoke' } }, audit: audit('fix.applying', 'req-held'), lease: { holder: owner, now: new Date().toISOString(), renewUntil: expiresAt } });
  process.stdout.write(`${won.outcome} ${expiresAt}\n`);
  // Mid-apply: never finishes; the test kills this process.
  setInterval(() => undefined, 1000);
}

await (process.env.ROLE === 'hold' ? hold() : race());
if (process.env.ROLE !== 'hold') {
  await store.close();
  process.exit(0);
}
