// The index files only wire ids to callbacks: every id awscheck posts has its listener, and the ids keep
// the values already posted in Slack (old messages must keep working).
import { describe, expect, it } from 'vitest';
import {
  BATCH_ACTIONS,
  BATCH_VIEWS,
  EXPLAIN_ACTION_ID,
  REMEDIATION_ACTIONS,
  REMEDIATION_VIEWS,
  RESULTS_ACTIONS,
  SHOW_PICK_PATTERN,
  showPickId,
} from '../../../src/slack/ids.ts';
import { registerListeners } from '../../../src/slack/listeners/index.ts';
import { listenerSetup } from './setup.ts';

function recordingApp() {
  const actions: (string | RegExp)[] = [];
  const views: string[] = [];
  const events: string[] = [];
  const app = {
    action: (id: string | RegExp) => void actions.push(id),
    view: (id: string) => void views.push(id),
    event: (name: string) => void events.push(name),
  };
  return { app: app as never, actions, views, events };
}

describe('registerListeners', () => {
  it('listens for every action and view id, once each', async () => {
    const t = listenerSetup();
    const r = recordingApp();
    registerListeners(r.app, t.deps);
    const { showPick, ...buttons } = RESULTS_ACTIONS;
    expect(showPick).toBe('awscheck_show_pick');
    expect(r.actions.filter((id) => typeof id === 'string').sort()).toEqual(
      [EXPLAIN_ACTION_ID, ...Object.values(buttons), ...Object.values(REMEDIATION_ACTIONS), ...Object.values(BATCH_ACTIONS)].sort(),
    );
    expect(r.actions.filter((id) => id instanceof RegExp)).toEqual([SHOW_PICK_PATTERN]);
    expect(r.views.sort()).toEqual([...Object.values(REMEDIATION_VIEWS), ...Object.values(BATCH_VIEWS)].sort());
    expect(r.events).toEqual(['app_home_opened']);
    await t.close();
  });

  it('leaves the remediation ids unanswered without a remediation store', async () => {
    const t = listenerSetup();
    const { remediation: _none, ...deps } = t.deps;
    const r = recordingApp();
    registerListeners(r.app, deps);
    expect(r.actions).toEqual([EXPLAIN_ACTION_ID, RESULTS_ACTIONS.showAll, SHOW_PICK_PATTERN, RESULTS_ACTIONS.previousPage, RESULTS_ACTIONS.nextPage]);
    expect(r.views).toEqual([]);
    await t.close();
  });
});

describe('Slack ids', () => {
  it('keep the values of buttons and modals already posted', () => {
    expect(EXPLAIN_ACTION_ID).toBe('awscheck_explain');
    expect(Object.values(RESULTS_ACTIONS)).toEqual(['awscheck_show_all', 'awscheck_show_pick', 'awscheck_findings_prev', 'awscheck_findings_next']);
    expect(Object.values(REMEDIATION_ACTIONS)).toEqual([
      'awscheck_fix',
      'awscheck_accept_risk',
      'awscheck_fix_approve',
      'awscheck_fix_reject',
      'awscheck_undo',
      'awscheck_undo_approve',
      'awscheck_undo_reject',
      'awscheck_risk_approve',
      'awscheck_risk_reject',
      'awscheck_risk_revoke',
    ]);
    expect(Object.values(REMEDIATION_VIEWS)).toEqual(['awscheck_fix_inputs', 'awscheck_accept_risk_modal', 'awscheck_reject_modal']);
    expect(Object.values(BATCH_ACTIONS)).toEqual([
      'awscheck_fix_all',
      'awscheck_fix_all_approve',
      'awscheck_fix_all_reject',
      'awscheck_fix_all_stop',
      'awscheck_fix_all_undo',
      'awscheck_fix_all_undo_approve',
      'awscheck_fix_all_undo_reject',
      'awscheck_fix_all_undo_one',
    ]);
    expect(Object.values(BATCH_VIEWS)).toEqual(['awscheck_fix_all_inputs']);
  });

  it('name every show-pick menu so that its one listener matches it, and nothing else', () => {
    expect([0, 1, 2].map(showPickId)).toEqual(['awscheck_show_pick', 'awscheck_show_pick_1', 'awscheck_show_pick_2']);
    for (const i of [0, 1, 7, 12]) expect(SHOW_PICK_PATTERN.test(showPickId(i))).toBe(true);
    for (const other of ['awscheck_show_all', 'awscheck_show_pick_', 'awscheck_show_pick_x', 'xawscheck_show_pick']) expect(SHOW_PICK_PATTERN.test(other)).toBe(false);
  });
});
