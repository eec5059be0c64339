// The store's DynamoDB client: the SDK's own endpoint handling (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL),
// adaptive retry (throttling and transaction-in-progress answers are retried by the SDK), and every call
// announced like the scan's, so the least-privilege test proves the declared permissions cover them.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { announceAwsCall } from '../../aws/call-log.ts';

export interface DynamoDbTarget {
  table: string;
  /** The SDK default (AWS_REGION, profile) when not given. */
  region?: string;
  /** Tests and local DynamoDB; otherwise the SDK reads AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL. */
  endpoint?: string;
  /** The SDK default (AWS_MAX_ATTEMPTS, profile, 3) when not given. */
  maxAttempts?: number;
}

/** The IAM actions one call needs: a transaction is authorised item by item. */
function actionsOf(operation: string, input: Record<string, unknown>): string[] {
  if (operation !== 'TransactWriteItems') return [operation];
  const items = (input.TransactItems ?? []) as Record<string, unknown>[];
  const kinds: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };
  return [...new Set(items.flatMap((item) => Object.keys(item).map((k) => kinds[k] ?? k)))];
}

export function createDocumentClient(target: DynamoDbTarget, announce = true): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    retryMode: 'adaptive',
    ...(target.region ? { region: target.region } : {}),
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(target.maxAttempts ? { maxAttempts: target.maxAttempts } : {}),
  });
  if (announce) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? '').replace(/Command$/, '');
        const region = typeof client.config.region === 'function' ? await client.config.region() : String(client.config.region);
        for (const action of actionsOf(operation, args.input as Record<string, unknown>)) {
          announceAwsCall({ client: 'DynamoDBClient', command: `${action}Command`, region, purpose: 'store' });
        }
        return next(args);
      },
      { step: 'initialize', name: 'awscheckStoreCallLog' },
    );
  }
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
