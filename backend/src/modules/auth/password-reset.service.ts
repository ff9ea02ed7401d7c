import { Injectable, Logger } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config.service';
import { buildJobId, JobName, JobPayloads } from '../../queue/queue.constants';
import { QueueService } from '../../queue/queue.service';
import { RedisClient } from '../../queue/redis-client';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import { AuthRepository } from './auth.repository';
import { sha256 } from './session.service';
import { withTimeout } from './signin-limiter';

export const RESET_TOKEN_HOURS = 1;
/** How long the request waits for Redis before it does the work itself after answering. */
const QUEUE_ANSWER_MS = 1_000;

export type PasswordResetOutcome = { mailed: boolean };

/**
 * Password reset links. The request does the same work whatever the address: it queues a job
 * with the address's hash, and the worker looks the account up, creates the token and mails
 * the link. So the answer takes as long for an address with an account as for one without,
 * and no token ever passes through Redis.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly repository: AuthRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly redis: RedisClient,
  ) {}

  async request(email: string, ip: string | null): Promise<void> {
    const payload: JobPayloads[JobName.PasswordReset] = { emailHash: sha256(email), ip };
    // The queue's own connection waits for Redis indefinitely; the fail-fast one tells first whether it answers.
    try {
      await withTimeout((await this.redis.ready()).ping(), QUEUE_ANSWER_MS, 'Redis');
    } catch {
      this.logger.warn('Redis does not answer: the reset link is made and mailed by this process after the answer');
      setImmediate(() => {
        this.deliver(payload).catch((error: Error) => this.logger.error(`Reset link not mailed: ${error.message}`));
      });
      return;
    }
    try {
      await withTimeout(
        this.queues.enqueue(JobName.PasswordReset, payload, { jobId: buildJobId('password-reset', randomUUID()) }),
        QUEUE_ANSWER_MS,
        'Queue',
      );
    } catch (error) {
      // The add may still reach Redis when it answers again (the queue keeps it until then).
      this.logger.error(`Password reset not queued yet: ${(error as Error).message}`);
    }
  }

  /** The worker side: one token and one mail if an active account has the address, nothing otherwise. */
  async deliver({ emailHash, ip }: JobPayloads[JobName.PasswordReset]): Promise<PasswordResetOutcome> {
    // E-mail addresses are stored normalised (trimmed, lower case), as sign-in compares them.
    const user = await this.repository.activeUserByEmailHash(emailHash);
    if (!user) return { mailed: false };
    const token = randomBytes(32).toString('base64url');
    await this.repository.transaction(async (manager) => {
      // Only the newest link works.
      await this.repository.replaceResetToken(manager, user.id, sha256(token), RESET_TOKEN_HOURS);
      await this.audit.record(manager, {
        actorUserId: null,
        action: 'user.password_reset_requested',
        entityType: 'user',
        entityId: user.id,
        committeeId: null,
        ip,
      });
    });
    const link = `${this.config.get('PUBLIC_URL')}/aterstall-losenord?token=${token}`;
    await this.mail.send({
      to: user.email,
      confidential: true,
      subject: 'Återställ ditt lösenord till Rapportflöde',
      text: [
        `Hej ${user.name},`,
        '',
        'Någon (förhoppningsvis du) har bett om att få återställa lösenordet till ditt konto i Rapportflöde.',
        `Öppna länken inom ${RESET_TOKEN_HOURS} timme för att välja ett nytt lösenord:`,
        '',
        link,
        '',
        'Länken fungerar en gång. Om du inte bad om detta kan du bortse från meddelandet; ditt lösenord är oförändrat.',
      ].join('\n'),
    });
    return { mailed: true };
  }
}
