// Block action ids → their listeners.
import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { BATCH_ACTIONS, EXPLAIN_ACTION_ID, REMEDIATION_ACTIONS, RESULTS_ACTIONS, SHOW_PICK_PATTERN } from '../../ids.ts';
import { progressOn } from '../../remediation/batch/requests.ts';
import type { RemediationDeps } from '../../remediation/replies.ts';
import { acceptRiskAction } from './accept-risk.ts';
import { approveFixAction, approveRiskAction } from './approve.ts';
import { explainAction } from './explain.ts';
import { fixAction } from './fix.ts';
import { fixAllAction } from './fix-all.ts';
import { fixAllDecisionAction } from './fix-all-decision.ts';
import { rejectAction } from './reject.ts';
import { revokeRiskAction } from './revoke-risk.ts';
import { findingsPageAction, showAllAction } from './show-all.ts';
import { undoAction } from './undo.ts';
import { undoOneAction } from './undo-one.ts';

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
  const batches = deps.remediation.batches;
  app.action<BlockButtonAction>(BATCH_ACTIONS.fixAll, fixAllAction(deps));
  app.action<BlockButtonAction>(BATCH_ACTIONS.approve, fixAllDecisionAction(deps, (d, client, id, user) => batches.approve(id, user, progressOn(client, d))));
  app.action<BlockButtonAction>(BATCH_ACTIONS.reject, fixAllDecisionAction(deps, (_d, _c, id, user) => batches.stopOrReject(id, user)));
  app.action<BlockButtonAction>(BATCH_ACTIONS.stop, fixAllDecisionAction(deps, (_d, _c, id, user) => batches.stopOrReject(id, user)));
  app.action<BlockButtonAction>(BATCH_ACTIONS.undoAll, fixAllDecisionAction(deps, (_d, _c, id, user) => batches.requestUndoAll(id, user)));
  app.action<BlockButtonAction>(BATCH_ACTIONS.approveUndo, fixAllDecisionAction(deps, (d, client, id, user) => batches.approveUndoAll(id, user, progressOn(client, d))));
  app.action<BlockButtonAction>(BATCH_ACTIONS.rejectUndo, fixAllDecisionAction(deps, (_d, _c, id, user) => batches.rejectUndoAll(id, user)));
  app.action<BlockStaticSelectAction>(BATCH_ACTIONS.undoOne, undoOneAction(deps));
}
