// Modal callback ids → their listeners.
import type { App, ViewSubmitAction } from '@slack/bolt';
import { BATCH_VIEWS, REMEDIATION_VIEWS } from '../../ids.ts';
import type { RemediationDeps } from '../../remediation/replies.ts';
import { acceptRiskView } from './accept-risk.ts';
import { fixAllInputsView } from './fix-all-inputs.ts';
import { fixInputsView } from './fix-inputs.ts';
import { rejectView } from './reject.ts';

export function registerRemediationViews(app: App, deps: RemediationDeps): void {
  app.view<ViewSubmitAction>(REMEDIATION_VIEWS.fixInputs, fixInputsView(deps));
  app.view<ViewSubmitAction>(REMEDIATION_VIEWS.acceptRisk, acceptRiskView(deps));
  app.view<ViewSubmitAction>(REMEDIATION_VIEWS.reject, rejectView(deps));
  app.view<ViewSubmitAction>(BATCH_VIEWS.inputs, fixAllInputsView(deps));
}
