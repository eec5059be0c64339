// CloudTrail records as EventBridge delivers them to SQS (test/fixtures/cloudtrail/<eventName>.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'cloudtrail');

export type EventFixture = { detail: Record<string, unknown> & { eventID: string; requestParameters: Record<string, unknown> | null } } & Record<string, unknown>;

export function fixture(eventName: string): EventFixture {
  return JSON.parse(readFileSync(join(DIR, `${eventName}.json`), 'utf8')) as EventFixture;
}

/** The fixture with changes to its CloudTrail record (a fresh eventID unless one is given). */
export function eventBody(eventName: string, detail: Record<string, unknown> = {}, eventId?: string): string {
  const event = fixture(eventName);
  event.detail = { ...event.detail, eventID: eventId ?? crypto.randomUUID(), ...detail };
  return JSON.stringify(event);
}
