import { describe, expect, it } from 'vitest';
import { BackgroundTasks } from '../../../src/slack/listeners/background.ts';

describe('BackgroundTasks', () => {
  it('runs work after the caller returns, logs failures, and reports when idle', async () => {
    const errors: unknown[] = [];
    const tasks = new BackgroundTasks((err) => errors.push(err));
    const order: string[] = [];
    tasks.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('work');
      tasks.run(async () => {
        throw new Error('boom');
      });
    });
    order.push('returned');
    await tasks.idle();
    expect(order).toEqual(['returned', 'work']);
    expect(errors).toHaveLength(1);
  });
});
