import type { IndicatorValueData } from '../campaigns/rules/types';
import type { Software, SoftwarePublisher } from './software.entity';

/** A catalogue entry as the value of a SOFTWARE indicator: what the rules read, copied at the time it is set. */
export function softwareValue(found: { software: Software; publisher: SoftwarePublisher }): IndicatorValueData {
  return {
    type: 'SOFTWARE',
    softwareId: found.software.id,
    softwareName: found.software.name,
    version: found.software.version,
    publisherId: found.publisher.id,
    publisherName: found.publisher.name,
    dmpCompatible: found.software.dmpCompatible,
    lapCertified: found.software.lapCertified,
  };
}
