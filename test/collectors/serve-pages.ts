// Serves one listing's pages to an aws-sdk-client-mock the way AWS pages, so a collector test states its
// pages and what it expects, not the mock's chaining. The first page answers a call without a token; each
// next page answers only the call that carries the token the page before it handed out, and any other token
// fails like AWS's InvalidNextToken: a collector that drops or invents a token never sees page two.
import type { MetadataBearer } from '@smithy/types';
import type { AwsCommand, AwsStub } from 'aws-sdk-client-mock';

export interface ServePagesOptions<Input> {
  /** The field that carries the token both ways (`NextToken` unless the API says otherwise). */
  token?: keyof Input & string;
  /** IAM's listings also say whether more pages follow (`IsTruncated`). */
  truncated?: string;
  /** Answer only calls with these input fields (e.g. one document's permissions among several). */
  when?: Partial<Input>;
}

/**
 * Returns each call's input as it was when sent: the SDK's paginators reuse and mutate one input object,
 * so the mock's own call log shows every call with the last token.
 */
export function servePages<Input extends object, Output extends MetadataBearer>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any client's mock serves its own commands
  mock: AwsStub<any, any, any>,
  command: new (input: Input) => AwsCommand<Input, Output>,
  pages: readonly Partial<Output>[],
  options: ServePagesOptions<Input> = {},
): Input[] {
  const field: string = options.token ?? 'NextToken';
  // The token that asks for pages[index] (the first page is asked for without one).
  const tokenFor = (index: number) => `page-${index + 1}`;
  const sent: Input[] = [];
  mock.on(command, options.when).callsFake((input: Input) => {
    sent.push({ ...input });
    const token = (input as Record<string, unknown>)[field];
    const index = token === undefined ? 0 : pages.findIndex((_, i) => i > 0 && tokenFor(i) === token);
    const page = pages[index];
    if (!page) throw Object.assign(new Error(`${command.name}: ${String(token)} is not a token this listing handed out`), { name: 'InvalidNextToken' });
    const last = index === pages.length - 1;
    return { ...page, ...(last ? {} : { [field]: tokenFor(index + 1) }), ...(options.truncated ? { [options.truncated]: !last } : {}) };
  });
  return sent;
}
