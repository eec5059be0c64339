// Turns SDK errors into one line a person can act on; never includes credentials.
import { type Locale, type Localized, t } from '../i18n/locale.ts';

interface AwsErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
}

/** What a JSON or XML parser says when it meets `<!DOCTYPE html>` or `<html>`. */
const HTML_PARSE_ERROR = /Unexpected token '?<|<!doctype html|<html[\s>]/i;

/**
 * The HTTP status of an HTML page that answered instead of AWS (a proxy's error page, a captive portal, a
 * web server at AWS_ENDPOINT_URL), or undefined when the error is not that. 0 when the status is unknown.
 */
export function htmlAnswerStatus(err: unknown): number | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as AwsErrorShape;
  const type = e.$response?.headers?.['content-type'] ?? e.$response?.headers?.['Content-Type'] ?? '';
  const html = /text\/html|application\/xhtml/i.test(type) || (e.name === 'SyntaxError' && HTML_PARSE_ERROR.test(e.message ?? '')) || e.name === 'EndpointAnsweredHtml';
  if (!html) return undefined;
  return e.$metadata?.httpStatusCode ?? e.$response?.statusCode ?? 0;
}

const HTML_ANSWER = {
  en: 'the endpoint answered an HTML page{http}, not AWS: check AWS_ENDPOINT_URL or the proxy',
  ja: 'エンドポイントが AWS ではなく HTML ページを返しました{http}。AWS_ENDPOINT_URL またはプロキシの設定を確認してください',
} satisfies Localized;

function htmlAnswerLine(status: number, locale: Locale): string {
  return t(locale, HTML_ANSWER, { http: status > 0 ? ` (HTTP ${status})` : '' });
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

/**
 * One line: what failed and why, e.g. "AccessDenied: not authorized to perform iam:GetCredentialReport".
 * AWS's own messages stay in English (what people search for); awscheck's own explanations follow `locale`.
 */
export function describeAwsError(err: unknown, locale: Locale = 'en'): string {
  const htmlStatus = htmlAnswerStatus(err);
  if (htmlStatus !== undefined) return htmlAnswerLine(htmlStatus, locale);
  const code = awsErrorCode(err);
  const message = err instanceof Error || (err && typeof err === 'object') ? (err as AwsErrorShape).message ?? '' : String(err);
  let line = message && message !== code ? `${code}: ${message}` : code;
  if (isThrottled(err)) line += ' (throttled by AWS past the SDK retries)';
  if (isUnreachable(err)) line += ' (AWS endpoint unreachable)';
  // Secrets never appear in SDK messages, but a multi-line XML body can: keep the first line only.
  line = line.split('\n')[0] ?? line;
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
