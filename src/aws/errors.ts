// Turns SDK errors into one line a person can act on; never includes credentials.
interface AwsErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

export function awsErrorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as AwsErrorShape;
    // Node's network errors are plain Errors whose `code` (ENOTFOUND, ECONNREFUSED) says what happened.
    if ((e.name === undefined || e.name === 'Error') && e.code) return e.code;
    return e.Code ?? e.name ?? e.code ?? 'Error';
  }
  return 'Error';
}

export function hasErrorCode(err: unknown, ...codes: string[]): boolean {
  return codes.includes(awsErrorCode(err));
}

const ACCESS_DENIED = ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'UnauthorizedAccess'];
const THROTTLED = ['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown'];
const NO_CREDENTIALS = ['CredentialsProviderError', 'ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch'];
const UNREACHABLE = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'TimeoutError', 'EHOSTUNREACH'];

export const isAccessDenied = (err: unknown): boolean => hasErrorCode(err, ...ACCESS_DENIED);
export const isThrottled = (err: unknown): boolean => hasErrorCode(err, ...THROTTLED);
export const isCredentialsError = (err: unknown): boolean => hasErrorCode(err, ...NO_CREDENTIALS);
export function isUnreachable(err: unknown): boolean {
  if (hasErrorCode(err, ...UNREACHABLE)) return true;
  const cause = (err as { cause?: unknown; errno?: unknown } | null)?.cause;
  return cause !== undefined && cause !== err && isUnreachable(cause);
}

/** One line: what failed and why, e.g. "AccessDenied: not authorized to perform iam:GetCredentialReport". */
export function describeAwsError(err: unknown): string {
  const code = awsErrorCode(err);
  const message = err instanceof Error || (err && typeof err === 'object') ? (err as AwsErrorShape).message ?? '' : String(err);
  let line = message && message !== code ? `${code}: ${message}` : code;
  if (isThrottled(err)) line += ' (throttled by AWS past the SDK retries)';
  if (isUnreachable(err)) line += ' (AWS endpoint unreachable)';
  // Secrets never appear in SDK messages, but a multi-line XML body can: keep the first line only.
  line = line.split('\n')[0] ?? line;
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
