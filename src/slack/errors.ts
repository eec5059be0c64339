// The short error code Slack's Web API gave (not_in_channel, invalid_auth…), for logs and user messages.
export function slackErrorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const data = (err as { data?: { error?: unknown } }).data;
    if (data && typeof data.error === 'string') return data.error;
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (err instanceof Error) return err.message.split('\n')[0] ?? err.name;
  }
  return String(err);
}
