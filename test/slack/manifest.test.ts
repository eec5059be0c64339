import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXPLAIN_ACTION_ID } from '../../src/slack/ids.ts';
import { requiredBotScopes } from '../../src/slack/access/scopes.ts';

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean };
    slash_commands: { command: string; usage_hint: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('manifest.yml', () => {
  it('declares /awscheck with a usage hint', () => {
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe('/awscheck');
    expect(command?.usage_hint).toContain('explain CHECK-ID');
    expect(command?.usage_hint.length).toBeLessThanOrEqual(1000);
  });

  it('grants exactly the bot scopes the code uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(requiredBotScopes());
  });

  it('turns on App Home, its event, interactivity (for the Explain button) and Socket Mode', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(EXPLAIN_ACTION_ID).toBe('awscheck_explain');
  });
});
