import type { Server } from 'socket.io';
import type { PgAccessAudit } from './audit/pg-access-audit.ts';
import type { VerifyToken } from './auth/token-verifier.ts';
import type { ChatService } from './chat/chat-service.ts';
import type { Config } from './config/config.ts';
import type { MintToken } from './dev/token-minter.ts';
import type { Limits } from './limits/limits-plugin.ts';
import type { Departures } from './presence/departures.ts';
import type { Sessions } from './presence/sessions.ts';
import type { Notifier } from './realtime/notifier.ts';
import type { RedisClient } from './redis/connection.ts';
import type { Keys } from './redis/keys.ts';
import type { AdmissionFor } from './rollout/admission-service.ts';
import type { RolloutPlan } from './rollout/rollout-plan.ts';
import type { AdvisorPool } from './routing/advisor-pool.ts';
import type { ClaimsStore, Db } from './store/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    redis: RedisClient;
    keys: Keys;
    db: Db;
    claims: ClaimsStore;
    audit: PgAccessAudit;
    verifyToken: VerifyToken;
    /** Present only when development tools are on. */
    mintToken?: MintToken;
    io: Server;
    notifier: Notifier;
    chat: ChatService;
    pool: AdvisorPool;
    departures: Departures;
    /** Each person's open sockets across processes, capped, with their tokens' expiry. */
    sessions: Sessions;
    rollout: RolloutPlan;
    admissionFor: AdmissionFor;
    limits: Limits;
  }
}
