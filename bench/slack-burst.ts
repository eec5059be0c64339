// The load generator of the Slack benchmark, in a process of its own as Slack is: sends the signed
// `/awscheck` commands all at once and reports how long each took to be acknowledged.
// Usage (from bench/slack.ts): bench/slack-burst.ts <events URL> <response_url base> <JSON list of texts>
import { FORM, postSigned, slashCommandBody } from '../test/helpers/slack-signing.ts';
import { RESULT_PREFIX } from './args.ts';

const [events, responseBase, textsJson] = process.argv.slice(2);
if (!events || !responseBase || !textsJson) throw new Error('usage: slack-burst.ts <events URL> <response_url base> <JSON list of texts>');
const texts = JSON.parse(textsJson) as string[];

// Connections are opened before the clock starts: Slack keeps its connections warm too.
await Promise.all(texts.map(() => fetch(events.replace(/\/slack\/events$/, '/healthz')).then((r) => r.text())));

const latencies = await Promise.all(
  texts.map(async (text, n) => {
    const body = slashCommandBody({ text, response_url: `${responseBase}c${n}`, user_id: `U0BENCH${n}` });
    const began = performance.now();
    const answer = await postSigned(events, body, FORM);
    await answer.text();
    if (answer.status !== 200) throw new Error(`/awscheck ${text} answered ${answer.status}`);
    return performance.now() - began;
  }),
);
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(latencies)}\n`);
