// `awscheck store init`: creates the table as DYNAMODB_TABLE describes it (on-demand capacity, point-in-time
// recovery, TTL), or checks an existing one and turns on what is missing. Safe to run again.
import {
  CreateTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { type DynamoDbTarget, createDocumentClient } from './client.ts';
import { tableProblem } from './table-client.ts';
import { DYNAMODB_TABLE, KEY_ATTRIBUTES, TABLE_KEYS } from './table.ts';

export interface InitOutcome {
  created: boolean;
  ttlEnabled: boolean;
  pitrEnabled: boolean;
}

export class TableMismatchError extends Error {
  constructor(table: string, problem: string) {
    super(`the DynamoDB table ${table} already exists and is not an awscheck table: ${problem}. Choose another name in AWSCHECK_DB (dynamodb://NAME).`);
    this.name = 'TableMismatchError';
  }
}

export async function initTable(target: DynamoDbTarget, waitSeconds = 300): Promise<InitOutcome> {
  // Operator calls (CreateTable, UpdateTimeToLive, …) are not the bot's: they are not announced as store calls.
  const doc = createDocumentClient(target, false);
  const TableName = target.table;
  try {
    let created = false;
    try {
      const { Table } = await doc.send(new DescribeTableCommand({ TableName }));
      const problem = tableProblem(Table);
      if (problem) throw new TableMismatchError(TableName, problem);
    } catch (err) {
      if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
      // An index may share a key attribute with the table: each is defined once.
      const attributes = new Map(KEY_ATTRIBUTES.map((k) => [k.name, k.type]));
      try {
        await doc.send(
          new CreateTableCommand({
            TableName,
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
            ...TABLE_KEYS,
          }),
        );
        created = true;
      } catch (createErr) {
        // Another `store init` created it a moment ago: carry on with the checks below.
        if ((createErr as { name?: string }).name !== 'ResourceInUseException') throw createErr;
      }
      await waitUntilTableExists({ client: doc, maxWaitTime: waitSeconds, minDelay: 1 }, { TableName });
    }
    const { TimeToLiveDescription } = await doc.send(new DescribeTimeToLiveCommand({ TableName }));
    const ttlStatus = TimeToLiveDescription?.TimeToLiveStatus;
    if (ttlStatus !== 'ENABLED' && ttlStatus !== 'ENABLING') {
      await doc.send(
        new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: DYNAMODB_TABLE.timeToLiveAttribute } }),
      );
    } else if (TimeToLiveDescription?.AttributeName !== DYNAMODB_TABLE.timeToLiveAttribute) {
      throw new TableMismatchError(TableName, `its TTL attribute is ${String(TimeToLiveDescription?.AttributeName)}, expected ${DYNAMODB_TABLE.timeToLiveAttribute}`);
    }
    const backups = await doc.send(new DescribeContinuousBackupsCommand({ TableName }));
    if (backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus !== 'ENABLED') {
      await doc.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
    }
    return { created, ttlEnabled: true, pitrEnabled: true };
  } finally {
    doc.destroy();
  }
}
