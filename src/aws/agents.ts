// One pool of keep-alive connections for every SDK client in the process. Each client would otherwise
// own its agent: an organization scan builds ~15 clients per account, and each opened its own sockets
// (and TLS sessions) to endpoints the others were already connected to.
import { Agent as HttpAgent, type AgentOptions } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/** Enough for several accounts' in-flight calls to one endpoint; each session's limiter bounds its own. */
const MAX_SOCKETS_PER_HOST = 256;

const OPTIONS: AgentOptions = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST };

/**
 * A destroyed client destroys its handler's agents; a shared agent must outlive any one client, so
 * destroy() leaves the pool alone. Idle sockets are unreferenced by Node, so they never keep a CLI run alive.
 */
class SharedHttpAgent extends HttpAgent {
  override destroy(): void {}
}

class SharedHttpsAgent extends HttpsAgent {
  override destroy(): void {}
}

let agents: { httpAgent: HttpAgent; httpsAgent: HttpsAgent } | undefined;

export function sharedAgents(): { httpAgent: HttpAgent; httpsAgent: HttpsAgent } {
  agents ??= { httpAgent: new SharedHttpAgent(OPTIONS), httpsAgent: new SharedHttpsAgent(OPTIONS) };
  return agents;
}
