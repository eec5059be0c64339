// A slash command's response_url takes at most 5 replies within 30 minutes. This wrapper counts them, so the
// progress updates can leave room for the results, and turns an HTTP failure into an exception.
import type { RespondArguments, RespondFn } from '@slack/bolt';

export const RESPONSE_URL_USES = 5;

export class ResponseUrlExhaustedError extends Error {
  constructor() {
    super(`the response_url has been used ${RESPONSE_URL_USES} times, Slack's limit`);
    this.name = 'ResponseUrlExhaustedError';
  }
}

export class ResponseUrl {
  private used = 0;

  constructor(
    private readonly respond: RespondFn,
    private readonly limit: number = RESPONSE_URL_USES,
  ) {}

  get remaining(): number {
    return this.limit - this.used;
  }

  async send(message: RespondArguments): Promise<void> {
    if (this.used >= this.limit) throw new ResponseUrlExhaustedError();
    this.used += 1;
    const answer = await this.respond(message);
    if (!answer.ok) throw new Error(`Slack answered HTTP ${answer.status} to the response_url reply`);
  }
}
