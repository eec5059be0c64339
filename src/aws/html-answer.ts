// An HTML page where AWS's XML or JSON was expected: a proxy's error page, a captive portal, or a web server
// at AWS_ENDPOINT_URL. The SDK's XML parsers read such a page as an empty answer (a 200 page becomes "no
// buckets"), and its JSON parsers throw a bare SyntaxError; both mislead. This middleware looks at the raw
// response before it is parsed and fails the call with an error describeAwsError explains.
import type { SdkClient } from './session.ts';

interface RawResponse {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
  body?: { destroy?: () => void };
}

/** Raised instead of parsing an HTML page as AWS's answer. */
export class EndpointAnsweredHtmlError extends Error {
  readonly $metadata: { httpStatusCode: number };
  readonly $fault: 'client' | 'server';

  constructor(status: number) {
    super(`the endpoint answered an HTML page (HTTP ${status}), not AWS`);
    this.name = 'EndpointAnsweredHtml';
    this.$metadata = { httpStatusCode: status };
    // A 5xx page from a proxy may be passing (the SDK retries server faults); a 200 or 404 page will not.
    this.$fault = status >= 500 ? 'server' : 'client';
  }
}

// No API awscheck calls answers HTML; object downloads could, so they are left alone.
const MAY_BE_HTML = new Set(['GetObjectCommand']);

export function addHtmlAnswerGuard(client: SdkClient): void {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<{ response?: RawResponse }>, context: { commandName?: string }) => async (args: unknown) => {
      const answer = await next(args);
      const response = answer.response;
      const type = response?.headers?.['content-type'] ?? '';
      if (response && /text\/html|application\/xhtml/i.test(type) && !MAY_BE_HTML.has(context.commandName ?? '')) {
        response.body?.destroy?.();
        throw new EndpointAnsweredHtmlError(response.statusCode ?? 0);
      }
      return answer;
    },
    // Innermost in the deserialize step: after the HTTP answer arrives, before the SDK's deserializer reads it.
    { step: 'deserialize', priority: 'low', name: 'awscheckHtmlAnswerGuard' },
  );
}
