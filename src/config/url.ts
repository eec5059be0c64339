// URL settings (endpointUrl, AWS_ENDPOINT_URL*, SLACK_API_URL): http or https only, and never a user name or
// password inside the URL, which libraries would then print in their retry and debug logs.
import { z } from 'zod';

export type UrlProblem = 'not-http' | 'credentials';

export function httpUrlProblem(raw: string): UrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not-http';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not-http';
  if (!url.hostname) return 'not-http';
  if (url.username || url.password) return 'credentials';
  return undefined;
}

/** The value to show in an error: a URL's user name and password never appear. */
export function redactUrl(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    const url = new URL(value);
    if (!url.username && !url.password) return value;
    url.username = url.username ? '***' : '';
    url.password = url.password ? '***' : '';
    return url.toString();
  } catch {
    return value;
  }
}

/** What to say about a URL setting, without repeating a password. */
export function urlProblemText(variable: string, raw: string, example: string): string | undefined {
  const problem = httpUrlProblem(raw);
  if (problem === 'credentials') {
    return `${variable}: the URL contains a user name or password; remove them (${String(redactUrl(raw))}). Give a proxy's credentials to the proxy itself, not in this URL.`;
  }
  if (problem === 'not-http') {
    const shown = raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
    return `${variable}: got ${JSON.stringify(shown)}; expected an http(s) URL such as ${example}, or unset it.`;
  }
  return undefined;
}

/** AWS_ENDPOINT_URL and its per-service forms (AWS_ENDPOINT_URL_S3 …), which the AWS SDK reads by itself. */
export function awsEndpointProblems(env: Record<string, string | undefined>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => /^AWS_ENDPOINT_URL(_[A-Z0-9_]+)?$/.test(name) && value?.trim())
    .map(([name, value]) => urlProblemText(name, value!.trim(), 'http://localhost:4566'))
    .filter((problem): problem is string => problem !== undefined);
}

/** endpointUrl in awscheck.yml. */
export const endpointUrlSchema = z.string({ error: 'expected an http(s) URL, e.g. http://localhost:4566' }).superRefine((value, ctx) => {
  const problem = httpUrlProblem(value);
  if (problem === 'not-http') ctx.addIssue({ code: 'custom', message: 'expected an http(s) URL, e.g. http://localhost:4566' });
  if (problem === 'credentials') {
    ctx.addIssue({ code: 'custom', message: 'remove the user name and password from the URL; give a proxy its credentials elsewhere' });
  }
});
