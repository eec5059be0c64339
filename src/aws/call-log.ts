// Every AWS command a session sends, announced to listeners: the least-privilege test and the benchmarks
// count calls here, whatever answers them (real AWS, a mock, or a fake endpoint).
export interface AwsCall {
  /** SDK client class, e.g. `S3Client`. */
  client: string;
  /** Command class, e.g. `ListBucketsCommand`. */
  command: string;
  region: string;
  /**
   * `store`: the bot's own DynamoDB table (AWSCHECK_DB=dynamodb://…); `alerts`: the bot's own event queue
   * (src/alerts). Both are in the bot's account, not a scanned one.
   */
  purpose: 'scan' | 'remediate' | 'store' | 'alerts';
}

type Listener = (call: AwsCall) => void;
const listeners = new Set<Listener>();

export function onAwsCall(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceAwsCall(call: AwsCall): void {
  for (const listener of listeners) listener(call);
}
