/** GraphQL shape of a catalogue entry: the software, its publisher and the agent who last edited it. */
import type { Software, SoftwarePublisher } from './software.entity';
import type { SoftwareNode } from './software.types';

export function softwareNode(s: Software, publisher: SoftwarePublisher, updatedBy: string | null): SoftwareNode {
  return {
    ...s,
    id: String(s.id),
    publisher: { id: String(publisher.id), name: publisher.name },
    updatedBy,
  };
}
