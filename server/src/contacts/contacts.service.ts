import { Permission, assertInScope, requirePermission } from '../agents/authorization';
import { recordAudit } from '../audit/audit.service';
import { Campaign } from '../campaigns/campaign.entity';
import { CONTACT_CHANNELS } from '../common/enums';
import { badInput } from '../common/errors';
import { parseId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { Professional } from '../professionals/professional.entity';
import { ContactLog } from './contact-log.entity';
import { contactNode } from './contact.nodes';
import type { ContactInput, ContactLogNode } from './contact.types';

/** A DAM records a call, visit or e-mail with a professional of their caisse. */
export async function logContact(ctx: RequestContext, input: ContactInput): Promise<ContactLogNode> {
  const agent = requirePermission(ctx.agent, Permission.LOG_CONTACTS);
  const professionalId = parseId(input.professionalId, 'Professionnel');
  const subject = input.subject.trim();
  const notes = input.notes.trim();
  if (!CONTACT_CHANNELS.includes(input.channel)) throw badInput('Canal inconnu.', 'channel');
  if (!subject) throw badInput("L'objet de l'échange est obligatoire.", 'subject');
  if (subject.length > 200) throw badInput("L'objet dépasse 200 caractères.", 'subject');
  if (notes.length > 5000) throw badInput('Les notes dépassent 5 000 caractères.', 'notes');
  const at = input.at ?? new Date();
  if (Number.isNaN(at.getTime()) || at.getTime() > Date.now() + 60_000)
    throw badInput("La date de l'échange ne peut pas être dans le futur.", 'at');
  const campaignId = input.campaignId ? parseId(input.campaignId, 'Campagne') : null;

  return ctx.db.transaction(async (em) => {
    const professional = assertInScope(
      agent,
      await em.getRepository(Professional).findOneBy({ id: professionalId }),
      'Professionnel',
    );
    if (campaignId !== null && !(await em.getRepository(Campaign).existsBy({ id: campaignId }))) {
      throw badInput('Campagne inconnue.', 'campaignId');
    }
    const inserted = await em.getRepository(ContactLog).insert({
      professionalId,
      agentId: agent.id,
      caisseCode: professional.caisseCode,
      at,
      channel: input.channel,
      subject,
      notes,
      campaignId,
    });
    const id = Number(inserted.identifiers[0]?.id);
    await recordAudit(em, {
      agentId: agent.id,
      action: 'CONTACT_LOGGED',
      targetType: 'PROFESSIONAL',
      targetId: professionalId,
      caisseCode: professional.caisseCode,
      details: { contactId: id, channel: input.channel },
    });
    return contactNode(await em.getRepository(ContactLog).findOneByOrFail({ id }));
  });
}
