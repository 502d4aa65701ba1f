// Email through nodemailer over SMTP. Neutral sender, RFC 8058 one-click unsubscribe headers, and a Message-ID
// derived from the outbox row id so a message handed over twice after a crash can be recognised downstream.
// Pooled connections (one TLS handshake and login for a batch, not one per message), every network wait bounded,
// and the dispatcher's signal cancels a send: a queued message leaves the queue, a message on the wire closes its
// connection.
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { PermanentDeliveryError, type OutgoingMessage, type Transport } from './types.js';

export class SmtpTransport implements Transport {
  readonly name = 'smtp';
  private readonly mailer: ReturnType<typeof nodemailer.createTransport>;
  private readonly messageIdDomain: string;

  constructor(
    url: string,
    private readonly from: string,
    timeoutMs = 30_000,
  ) {
    // Transport options, not message defaults (createTransport's second argument), or nodemailer ignores them.
    this.mailer = nodemailer.createTransport({
      url,
      pool: true,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  }

  async send(message: OutgoingMessage, signal: AbortSignal): Promise<void> {
    const headers: Record<string, string> = {
      'Auto-Submitted': 'auto-generated',
      'X-Idempotency-Key': message.idempotencyKey,
      // The recipient's language, so mail clients and screen readers read it right.
      'Content-Language': message.language,
    };
    if (message.unsubscribeUrl) {
      headers['List-Unsubscribe'] = `<${message.unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      await this.mailer.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: messageIdFor(message.idempotencyKey, this.messageIdDomain),
        headers,
        signal,
      });
    } catch (error) {
      // Our own timeout or stop: report the signal's reason (a TimeoutError is retried as "timeout").
      if (signal.aborted) throw signal.reason;
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx: the server refused this message for good (unknown mailbox, policy). Retrying will not help.
      if (typeof code === 'number' && code >= 500) throw new PermanentDeliveryError(`smtp_${code}`);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.mailer.close();
  }
}

export function messageIdFor(idempotencyKey: string, domain: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`;
}
