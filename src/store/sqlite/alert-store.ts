// The AlertStore on the same SQLite file: conditional inserts and updates decide which replica posts.
import type { AlertRecord, AlertStore, ChangeSummary, NewAlert } from '../../alerts/store.ts';
import type { CheckResult } from '../../engine/types.ts';
import type { SqliteDatabase } from './database.ts';

interface AlertRow {
  id: string;
  finding_key: string;
  state: 'open' | 'resolved';
  finding: string;
  event_id: string;
  change: string;
  channel: string;
  message_ts: string | null;
  created_at: string;
  resolved_at: string | null;
}

function toRecord(row: AlertRow): AlertRecord {
  return {
    id: row.id,
    findingKey: row.finding_key,
    state: row.state,
    finding: JSON.parse(row.finding) as CheckResult,
    eventId: row.event_id,
    change: JSON.parse(row.change) as ChangeSummary,
    channel: row.channel,
    ...(row.message_ts ? { messageTs: row.message_ts } : {}),
    createdAt: row.created_at,
    ...(row.resolved_at ? { resolvedAt: row.resolved_at } : {}),
  };
}

export class SqliteAlertStore implements AlertStore {
  constructor(private readonly db: SqliteDatabase) {}

  async eventHandled(eventId: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM alert_events WHERE event_id = ?').get(eventId) !== undefined;
  }

  async markEventHandled(eventId: string, at: string): Promise<void> {
    this.db.prepare('INSERT INTO alert_events (event_id, handled_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING').run(eventId, at);
  }

  async claimAlert(alert: NewAlert): Promise<AlertRecord | undefined> {
    // The partial unique index turns a second open alert for the key into a no-op, not an error.
    const { changes } = this.db
      .prepare(
        `INSERT INTO alerts (id, finding_key, state, account_id, finding, event_id, change, channel, created_at)
         VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?) ON CONFLICT (finding_key) WHERE state = 'open' DO NOTHING`,
      )
      .run(alert.id, alert.findingKey, alert.finding.accountId, JSON.stringify(alert.finding), alert.eventId, JSON.stringify(alert.change), alert.channel, alert.createdAt);
    return changes === 1 ? { ...alert, state: 'open' } : undefined;
  }

  async releaseAlert(id: string): Promise<void> {
    this.db.prepare("DELETE FROM alerts WHERE id = ? AND state = 'open' AND message_ts IS NULL").run(id);
  }

  async setMessage(id: string, channel: string, messageTs: string): Promise<void> {
    this.db.prepare('UPDATE alerts SET channel = ?, message_ts = ? WHERE id = ?').run(channel, messageTs, id);
  }

  async openAlerts(accountId?: string): Promise<AlertRecord[]> {
    const rows = (
      accountId
        ? this.db.prepare("SELECT * FROM alerts WHERE state = 'open' AND account_id = ? ORDER BY created_at").all(accountId)
        : this.db.prepare("SELECT * FROM alerts WHERE state = 'open' ORDER BY created_at").all()
    ) as AlertRow[];
    return rows.map(toRecord);
  }

  async resolveAlert(id: string, at: string): Promise<AlertRecord | undefined> {
    const { changes } = this.db.prepare("UPDATE alerts SET state = 'resolved', resolved_at = ? WHERE id = ? AND state = 'open'").run(at, id);
    if (changes !== 1) return undefined;
    return toRecord(this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as AlertRow);
  }

  async pruneEvents(before: string): Promise<number> {
    return this.db.prepare('DELETE FROM alert_events WHERE handled_at < ?').run(before).changes;
  }
}
