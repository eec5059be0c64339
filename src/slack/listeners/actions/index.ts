// Block action ids → their listeners.
import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { REMEDIATION_ACTIONS } from '../../ids.ts';
import type { RemediationDeps } from '../../remediation/replies.ts';
import { EXPLAIN_ACTION_ID } from '../../render/results.ts';
import { RESULTS_ACTIONS, SHOW_PICK_PATTERN } from '../../results/group-ref.ts';
import { acceptRiskAction } from './accept-risk.ts';
import { approveFixAction, approveRiskAction } from './approve.ts';
import { explainAction } from './explain.ts';
import { fixAction } from './fix.ts';
import { rejectAction } from './reject.ts';
import { revokeRiskAction } from './revoke-risk.ts';
import { findingsPageAction, showAllAction } from './show-all.ts';
import { undoAction } from './undo.ts';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(EXPLAIN_ACTION_ID, explainAction(deps));
  app.action<BlockButtonAction>(RESULTS_ACTIONS.showAll, showAllAction(deps));
  app.action<BlockStaticSelectAction>(SHOW_PICK_PATTERN, showAllAction(deps));
  app.action<BlockButtonAction>(RESULTS_ACTIONS.previousPage, findingsPageAction(deps));
  app.action<BlockButtonAction>(RESULTS_ACTIONS.nextPage, findingsPageAction(deps));
}

export function registerRemediationActions(app: App, deps: RemediationDeps): void {
  app.action<BlockButtonAction>(REMEDIATION_ACTIONS.fix, fixAction(deps));
  app.action<BlockButtonAction>(REMEDIATION_ACTIONS.acceptRisk, acceptRiskAction(deps));
  app.action<BlockButtonAction>(REMEDIATION_ACTIONS.approveFix, approveFixAction(deps, 'fix'));
  app.action<BlockButtonAction>(REMEDIATION_ACTIONS.rejectFix, rejectAction(deps, 'fix'));
  app.action<BlockButtonAction>(REMEDIATION_ACTIONS.undo, undoAction(deps));
  app.action<BlockButtonAction>(REMEDIATION_ACTIONS.approveUndo, approveFixAction(deps, 'undo'));
  app.action<BlockButtonAction>(REMEDIATION_ACTIONS.rejectUndo, rejectAction(deps, 'undo'));
  app.action<BlockButtonAction>(REMEDIATION_ACTIONS.approveRisk, approveRiskAction(deps));
  app.action<BlockButtonAction>(REMEDIATION_ACTIONS.rejectRisk, rejectAction(deps, 'risk'));
  app.action<BlockButtonAction>(REMEDIATION_ACTIONS.revokeRisk, revokeRiskAction(deps));
}
