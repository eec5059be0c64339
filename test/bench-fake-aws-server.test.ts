// The benchmark's fake AWS process answers an action it does not know with an AWS error and keeps serving.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
});

it('answers an unknown JSON-protocol action with an error, then keeps serving', async () => {
  const script = fileURLToPath(new URL('../bench/fake-aws-server.ts', import.meta.url));
  child = spawn(process.execPath, ['--import', 'tsx', script, '--accounts', '1', '--latency', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const url = /LISTENING (\S+)/.exec(line.toString())![1]!;
  const unknown = await fetch(url, { method: 'POST', headers: { 'x-amz-target': 'AmazonSSM.DescribeInstanceInformation' }, body: '{}' });
  expect(unknown.status).toBe(400);
  expect(((await unknown.json()) as { __type: string }).__type).toBe('InvalidAction');
  const after = await fetch(`${url}/__stats`);
  expect(after.status).toBe(200);
  expect(await after.json()).toMatchObject({ ':DescribeInstanceInformation': 1 });
});
