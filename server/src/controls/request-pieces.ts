/**
 * The request for pieces, the seam to the communications outbox: when the outbox exists, this enqueues the
 * letter or e-mail (what to provide, the deadline) in the caller's transaction and answers QUEUED. Until then
 * it answers PENDING_OUTBOX: the request is recorded on the case and the console shows that nothing was sent,
 * rather than pretending it was.
 */
import type { EntityManager } from 'typeorm';
import type { ControlCase, ControlRequestChannel, ControlRequestDelivery } from './control.entity';

export async function requestPieces(
  em: EntityManager,
  controlCase: ControlCase,
  channel: ControlRequestChannel,
  deadline: string,
): Promise<ControlRequestDelivery> {
  void em;
  void controlCase;
  void channel;
  void deadline;
  return 'PENDING_OUTBOX';
}
