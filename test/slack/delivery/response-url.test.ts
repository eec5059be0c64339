import { describe, expect, it, vi } from 'vitest';
import { ResponseUrl, ResponseUrlExhaustedError } from '../../../src/slack/delivery/response-url.ts';

describe('ResponseUrl', () => {
  it('allows five replies, as Slack does, then refuses', async () => {
    const respond = vi.fn(async () => new Response('ok'));
    const reply = new ResponseUrl(respond);
    for (let i = 0; i < 5; i += 1) await reply.send({ text: `reply ${i}` });
    expect(reply.remaining).toBe(0);
    await expect(reply.send({ text: 'sixth' })).rejects.toBeInstanceOf(ResponseUrlExhaustedError);
    expect(respond).toHaveBeenCalledTimes(5);
  });

  it('turns an HTTP failure into an error', async () => {
    const reply = new ResponseUrl(async () => new Response('expired_url', { status: 404 }));
    await expect(reply.send({ text: 'late' })).rejects.toThrow('HTTP 404');
  });
});
