// Every item type of the table: its keys and the index entries that serve the store's access paths.
// (The README's "DynamoDB key schema" table says the same for operators.)
//
//   item              pk                     sk                gsi1 (pk / sk)                       gsi2 (pk / sk)
//   scan header       SCAN#<id>              SCAN              SCANS / finishedAt#stamp#id          SCANSEL#<hash> / finishedAt#stamp#id
//   (still running)   SCAN#<id>              SCAN              RUNNINGSCANS / startedAt#stamp#id    -
//   result chunk      SCAN#<id>              CHUNK#<n>         -                                    -
//   scan account      SCAN#<id>              ACCOUNT#<acct>    ACCOUNT#<acct> / all#finished#...   -
//   account registry  ACCOUNTS               <acct>            -                                    -
//   report            REPORT#<id>            REPORT            REPORTS / createdAt#stamp#id         REPORTNAME#<name> / createdAt#stamp#id
//   scheduler slot    SLOT#<key>             SLOT              SLOTS / claimedAt#key                -
//   finding snapshot  SNAPSHOT#<id>          SNAPSHOT          SNAPSHOTS / createdAt#id             -
//   fix request       REQUEST#<id>           REQUEST           REQSTATE#<state> / stamp#id          -
//   open-target lock  OPEN#<findingKey hash> OPEN              -                                    -
//   risk acceptance   RISK#<id>              RISK              RISKSTATE#<state> / expiresAt#stamp#id -
//   fix batch         BATCH#<id>             BATCH             -                                    -
//   audit event       AUDIT#TRAIL            <seq, 15 digits>  -                                    -
//   audit counter     SEQ#AUDIT              SEQ               -                                    -
//   alert             ALERT#<id>             ALERT             ALERTSTATE#<state> / createdAt#id    -
//   open-alert lock   ALERTOPEN#<key hash>   OPEN              -                                    -
//   handled event     ALERTEVENT#<eventID>   EVENT             ALERTEVENTS / handledAt#eventID      -
import { createHash } from 'node:crypto';
import { DYNAMODB_TABLE } from './table.ts';

export type Key = { pk: string; sk: string };

/** Long or free-form values (selection keys, finding keys) go into keys as a fixed-length digest. */
export function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export const keys = {
  scan: (id: string): Key => ({ pk: `SCAN#${id}`, sk: 'SCAN' }),
  chunk: (id: string, n: number): Key => ({ pk: `SCAN#${id}`, sk: `CHUNK#${String(n).padStart(5, '0')}` }),
  scanAccount: (id: string, accountId: string): Key => ({ pk: `SCAN#${id}`, sk: `ACCOUNT#${accountId}` }),
  accountRegistry: (accountId: string): Key => ({ pk: 'ACCOUNTS', sk: accountId }),
  report: (id: string): Key => ({ pk: `REPORT#${id}`, sk: 'REPORT' }),
  slot: (key: string): Key => ({ pk: `SLOT#${key}`, sk: 'SLOT' }),
  snapshot: (id: string): Key => ({ pk: `SNAPSHOT#${id}`, sk: 'SNAPSHOT' }),
  request: (id: string): Key => ({ pk: `REQUEST#${id}`, sk: 'REQUEST' }),
  openLock: (findingKey: string): Key => ({ pk: `OPEN#${digest(findingKey)}`, sk: 'OPEN' }),
  risk: (id: string): Key => ({ pk: `RISK#${id}`, sk: 'RISK' }),
  batch: (id: string): Key => ({ pk: `BATCH#${id}`, sk: 'BATCH' }),
  audit: (seq: number): Key => ({ pk: AUDIT_PARTITION, sk: String(seq).padStart(15, '0') }),
  auditCounter: (): Key => ({ pk: 'SEQ#AUDIT', sk: 'SEQ' }),
  alert: (id: string): Key => ({ pk: `ALERT#${id}`, sk: 'ALERT' }),
  alertLock: (findingKey: string): Key => ({ pk: `ALERTOPEN#${digest(findingKey)}`, sk: 'OPEN' }),
  alertEvent: (eventId: string): Key => ({ pk: `ALERTEVENT#${eventId}`, sk: 'EVENT' }),
};

export const AUDIT_PARTITION = `${DYNAMODB_TABLE.auditPartitionPrefix}TRAIL`;

export const partitions = {
  scans: 'SCANS',
  runningScans: 'RUNNINGSCANS',
  scansBySelection: (selectionKey: string) => `SCANSEL#${digest(selectionKey)}`,
  scansOfAccount: (accountId: string) => `ACCOUNT#${accountId}`,
  accounts: 'ACCOUNTS',
  reports: 'REPORTS',
  reportsNamed: (name: string) => `REPORTNAME#${name}`,
  slots: 'SLOTS',
  snapshots: 'SNAPSHOTS',
  requestsIn: (state: string) => `REQSTATE#${state}`,
  risksIn: (state: string) => `RISKSTATE#${state}`,
  alertsIn: (state: string) => `ALERTSTATE#${state}`,
  alertEvents: 'ALERTEVENTS',
};

let counter = 0;
/**
 * Orders items written in the same millisecond-precise ISO time the way SQLite's rowid does: by when this
 * process wrote them (time, then a per-process counter).
 */
export function stamp(): string {
  counter = (counter + 1) % 36 ** 4;
  return `${Date.now().toString(36).padStart(10, '0')}${counter.toString(36).padStart(4, '0')}`;
}

/** Epoch seconds `days` after an ISO time: the TTL attribute's value (none for a time that is not one). */
export function expiryEpoch(iso: string, days: number): number | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000) + days * 86_400;
}
