// The one DynamoDB table awscheck keeps its state in, described once for `awscheck store init`, the start-up
// check and the deployment stack. Every item type and its keys are listed in keys.ts and in the README.

export interface KeyAttribute {
  name: string;
  type: 'S';
}

export interface TableIndex {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export interface TableDescription {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** Every index projects ALL attributes: each query answers from the index alone. */
  globalSecondaryIndexes: TableIndex[];
  /** Epoch seconds after which DynamoDB deletes the item (scans, reports, slots, snapshots; never the audit trail). */
  timeToLiveAttribute: string;
  /**
   * Every audit item's partition key starts with this, and no other item's does: an IAM Deny on UpdateItem and
   * DeleteItem with `dynamodb:LeadingKeys` like `${auditPartitionPrefix}*` keeps the trail append-only.
   */
  auditPartitionPrefix: string;
}

export const DYNAMODB_TABLE: TableDescription = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    { indexName: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
  ],
  timeToLiveAttribute: 'ttl',
  auditPartitionPrefix: 'AUDIT#',
};

/** Every key attribute of the table and its indexes (all strings). */
export const KEY_ATTRIBUTES: readonly KeyAttribute[] = [
  DYNAMODB_TABLE.partitionKey,
  DYNAMODB_TABLE.sortKey,
  ...DYNAMODB_TABLE.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
];

/** A key as DynamoDB's API and CloudFormation spell it. */
export function keySchema(key: { partitionKey: KeyAttribute; sortKey: KeyAttribute }) {
  return [
    { AttributeName: key.partitionKey.name, KeyType: 'HASH' as const },
    { AttributeName: key.sortKey.name, KeyType: 'RANGE' as const },
  ];
}

/** The table's key and indexes in that spelling: what `awscheck store init` creates, and the stack must too. */
export const TABLE_KEYS = {
  KeySchema: keySchema(DYNAMODB_TABLE),
  GlobalSecondaryIndexes: DYNAMODB_TABLE.globalSecondaryIndexes.map((index) => ({
    IndexName: index.indexName,
    KeySchema: keySchema(index),
    Projection: { ProjectionType: 'ALL' as const },
  })),
};
