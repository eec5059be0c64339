// Helpers that keep check and collector modules declarative and fully typed.
import { type AnyCollector, type CheckDefinition, type Collector, SERVICES, type Service } from './types.ts';

/** A collector as its module declares it: the id starts with its service (`ec2.vpcs`), which is read from there. */
export type CollectorDeclaration<T> = Omit<Collector<T>, 'id' | 'service'> & { id: `${Service}.${string}` };

/** The service an id starts with; an id built at run time is checked as the type checks a literal one. */
export function serviceOfId(id: string): Service {
  const prefix = id.slice(0, id.indexOf('.'));
  const service = SERVICES.find((s) => s === prefix);
  if (!service) throw new Error(`collector id ${id} does not start with a service (${SERVICES.join(', ')})`);
  return service;
}

export function defineCollector<T>(declaration: CollectorDeclaration<T>): Collector<T> {
  return { ...declaration, service: serviceOfId(declaration.id) };
}

export function defineCheck<const N extends readonly AnyCollector[]>(check: CheckDefinition<N>): CheckDefinition<N> {
  return check;
}
