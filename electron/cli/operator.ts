import type { MethodInput, MethodName, MethodOutput } from '../../contract/api/api.ts';
import { RemoteError } from '../../contract/api/client.ts';
import type { Station } from '../core/station.ts';

/**
 * A contract call as the person at the station's shell: through the same dispatch as the screens (inputs and outputs
 * validated, the call audited as the operator's), failing with the core's own error.
 */
export async function asOperator<M extends MethodName>(station: Station, name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await station.call(name, input, { transport: 'cli' });
  if (!reply.ok) throw new RemoteError(reply.error);
  return reply.value as MethodOutput<M>;
}
