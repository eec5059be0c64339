// The AlertStore on the shared table. The one-open-alert-per-finding rule is a lock item (like the fix
// requests' open-target lock) written in the same transaction as the alert, so two replicas handling copies
// of one event never both post; resolving an alert releases its lock in the same transaction.
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AlertRecord, AlertStore, NewAlert } from '../../alerts/store.ts';
import type { CheckResult } from '../../engine/types.ts';
import { expiryEpoch, keys, partitions } from './keys.ts';
import { IS_NEW, type Item, type TableClient, written } from './table-client.ts';

function alertItem(alert: NewAlert): Item {
  return {
    ...keys.alert(alert.id),
    gsi1pk: partitions.alertsIn('open'),
    gsi1sk: `${alert.createdAt}#${alert.id}`,
    id: alert.id,
    findingKey: alert.findingKey,
    state: 'open',
    accountId: alert.finding.accountId,
    finding: alert.finding,
    eventId: alert.eventId,
    change: alert.change,
    channel: alert.channel,
    createdAt: alert.createdAt,
  };
}

function fromItem(item: Item): AlertRecord {
  return {
    id: item.id as string,
    findingKey: item.findingKey as string,
    state: item.state as AlertRecord['state'],
    finding: item.finding as CheckResult,
    eventId: item.eventId as string,
    change: item.change as AlertRecord['change'],
    channel: item.channel as string,
    ...(item.messageTs !== undefined ? { messageTs: item.messageTs as string } : {}),
    createdAt: item.createdAt as string,
    ...(item.resolvedAt !== undefined ? { resolvedAt: item.resolvedAt as string } : {}),
  };
}

export class DynamoDbAlertStore implements AlertStore {
  constructor(
    private readonly t: TableClient,
    private readonly retentionDays: number,
  ) {}

  async eventHandled(eventId: string): Promise<boolean> {
    await this.t.ready();
    return (await this.t.get(keys.alertEvent(eventId))) !== undefined;
  }

  async markEventHandled(eventId: string, at: string): Promise<void> {
    await this.t.ready();
    const item = { ...keys.alertEvent(eventId), gsi1pk: partitions.alertEvents, gsi1sk: `${at}#${eventId}`, handledAt: at, ttl: expiryEpoch(at, this.retentionDays) };
    // Already recorded by another replica or a redelivery: idempotent.
    await written(this.t.doc.send(new PutCommand({ TableName: this.t.table, Item: item, ConditionExpression: IS_NEW })));
  }

  async claimAlert(alert: NewAlert): Promise<AlertRecord | undefined> {
    await this.t.ready();
    const outcome = await this.t.transact([
      { Put: { TableName: this.t.table, Item: { ...keys.alertLock(alert.findingKey), alertId: alert.id }, ConditionExpression: IS_NEW } },
      { Put: { TableName: this.t.table, Item: alertItem(alert), ConditionExpression: IS_NEW } },
    ]);
    return outcome.ok ? { ...alert, state: 'open' } : undefined;
  }

  async releaseAlert(id: string): Promise<void> {
    await this.t.ready();
    const item = await this.t.get(keys.alert(id));
    if (!item || item.state !== 'open' || item.messageTs !== undefined) return;
    // Only an unposted claim goes; a posted one stays until it is resolved.
    await this.t.transact([
      { Delete: { TableName: this.t.table, Key: keys.alert(id), ConditionExpression: '#state = :open AND attribute_not_exists(messageTs)', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':open': 'open' } } },
      { Delete: { TableName: this.t.table, Key: keys.alertLock(item.findingKey as string), ConditionExpression: 'alertId = :id', ExpressionAttributeValues: { ':id': id } } },
    ]);
  }

  async setMessage(id: string, channel: string, messageTs: string): Promise<void> {
    await this.t.ready();
    // An alert that is gone is left alone.
    await written(
      this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.table,
          Key: keys.alert(id),
          UpdateExpression: 'SET channel = :channel, messageTs = :ts',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':channel': channel, ':ts': messageTs },
        }),
      ),
    );
  }

  async openAlerts(accountId?: string): Promise<AlertRecord[]> {
    await this.t.ready();
    const items = await this.t.query({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': partitions.alertsIn('open') },
    });
    // The index is eventually consistent: read each record itself before trusting its state.
    const records = await Promise.all(items.map((i) => this.t.get(keys.alert(i.id as string))));
    return records
      .filter((r): r is Item => r !== undefined && r.state === 'open' && (accountId === undefined || r.accountId === accountId))
      .map(fromItem);
  }

  async resolveAlert(id: string, at: string): Promise<AlertRecord | undefined> {
    await this.t.ready();
    const item = await this.t.get(keys.alert(id));
    if (!item || item.state !== 'open') return undefined;
    const outcome = await this.t.transact([
      {
        Update: {
          TableName: this.t.table,
          Key: keys.alert(id),
          UpdateExpression: 'SET #state = :resolved, resolvedAt = :at, gsi1pk = :pk',
          ConditionExpression: '#state = :open',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':resolved': 'resolved', ':open': 'open', ':at': at, ':pk': partitions.alertsIn('resolved') },
        },
      },
      { Delete: { TableName: this.t.table, Key: keys.alertLock(item.findingKey as string), ConditionExpression: 'alertId = :id', ExpressionAttributeValues: { ':id': id } } },
    ]);
    if (!outcome.ok) return undefined;
    return fromItem({ ...item, state: 'resolved', resolvedAt: at });
  }

  async pruneEvents(before: string): Promise<number> {
    await this.t.ready();
    const old = await this.t.query({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pk': partitions.alertEvents, ':before': before },
    });
    for (const item of old) await this.t.doc.send(new DeleteCommand({ TableName: this.t.table, Key: { pk: item.pk as string, sk: item.sk as string } }));
    return old.length;
  }
}
