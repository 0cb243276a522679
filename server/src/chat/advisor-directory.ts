import type { AdvisorPool } from '../routing/advisor-pool.ts';
import type { Participant } from './conversation-record.ts';

/**
 * Advisors as others see them: by an opaque id, never by codice fiscale. The ids never change, so
 * each is read from Redis once per process.
 */
export function createAdvisorDirectory(pool: Pick<AdvisorPool, 'publicIdOf' | 'list'>) {
  const publicIds = new Map<string, string>();
  async function publicIdOf(advisorId: string): Promise<string> {
    const known = publicIds.get(advisorId);
    if (known) return known;
    const publicId = await pool.publicIdOf(advisorId);
    publicIds.set(advisorId, publicId);
    return publicId;
  }

  return {
    publicIdOf,

    /** An advisor's message carries their opaque id, so that consoles tell colleagues apart. */
    async authorOf(who: Participant): Promise<Participant> {
      return who.kind === 'advisor' && !who.publicId
        ? { ...who, publicId: await publicIdOf(who.advisorId) }
        : who;
    },

    /** Colleagues by name and opaque id: an advisor's codice fiscale is not for colleagues to see. */
    async colleagues(askingAdvisorId: string) {
      const advisors = await pool.list();
      const ids = await Promise.all(advisors.map((a) => publicIdOf(a.advisorId)));
      return {
        advisors: advisors.map((a, i) => ({
          advisorId: ids[i] as string,
          name: a.name,
          availability: a.availability,
          activeChats: a.load,
          capacity: a.capacity,
          self: a.advisorId === askingAdvisorId,
        })),
      };
    },
  };
}
