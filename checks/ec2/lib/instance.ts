// How instances are named in evidence and ARNs, shared by the EC2 and SSM instance checks.
import type { Ec2Instance } from '../../../src/collectors/ec2/instances.ts';
import type { EvaluateContext } from '../../../src/engine/types.ts';
import { regionalArn } from './arn.ts';

/** "i-0abc (web)", and the state when it isn't running: "i-0abc (web, stopped)". */
export function instanceLabel(instance: Pick<Ec2Instance, 'instanceId' | 'name' | 'state'>): string {
  const notes = [instance.name, instance.state === 'running' ? undefined : instance.state].filter(Boolean);
  return notes.length > 0 ? `${instance.instanceId} (${notes.join(', ')})` : instance.instanceId;
}

export function instanceArn(ctx: EvaluateContext, instanceId: string): string {
  return regionalArn(ctx, 'ec2', `instance/${instanceId}`);
}

/** The fields every instance result starts from. */
export function instanceResource(ctx: EvaluateContext, instanceId: string) {
  return {
    region: ctx.region,
    resourceType: 'AWS::EC2::Instance',
    resourceId: instanceId,
    resourceArn: instanceArn(ctx, instanceId),
  };
}
