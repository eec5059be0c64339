// In each member account and region: the CloudTrail management events that can create a finding go to the
// bot's central event bus, where a rule puts them on the bot's queue (issue 14). CloudTrail delivers an
// account's events to EventBridge in the region of the call (IAM and sign-in events in us-east-1).
import { Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { EventBus as EventBusTarget } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { alertEventPattern } from './events.ts';
import { eventBusArnParameter } from './parameters.ts';

export class MemberEventsStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    this.templateOptions.description = 'awscheck: forwards security-relevant CloudTrail management events to the awscheck event bus';
    const busArn = eventBusArnParameter(this);
    const pattern = alertEventPattern();
    new Rule(this, 'ForwardRule', {
      description: 'awscheck: risky changes to the awscheck event bus',
      eventPattern: { source: pattern.source, detailType: pattern.detailType, detail: pattern.detail },
      // The target gets its own role with events:PutEvents on that bus only.
      targets: [new EventBusTarget(EventBus.fromEventBusArn(this, 'CentralBus', busArn.valueAsString))],
    });
  }
}
