import { randomUUID } from 'crypto';

/** Where links point and who sends (PUBLIC_URL and MAIL_FROM). */
export interface MailSettings {
  publicUrl: string;
  from: string;
}

const WHAT_CHANGED: Record<string, string> = {
  CREATED: 'A referral was sent to you',
  CLAIMED: 'The patient claimed a referral',
  SENT: 'A referral was addressed to a therapist',
  ACCEPTED: 'A referral was accepted',
  DECLINED: 'A referral was declined',
  VISIT_RECORDED: 'A visit was recorded on a referral',
  PROGRESS_NOTE: 'A progress note was added to a referral',
  RENEWED: 'A referral was renewed',
  COMPLETED: 'A referral was completed',
  CANCELLED: 'A referral was cancelled',
  EXPIRED: 'A referral expired',
  TRANSFERRED: 'Care on a referral moves to another city',
  CONTINUATION_CREATED: 'A referral continues care in another city',
  TRANSFER_SUMMARY: 'A transfer summary was written',
  HISTORY_SHARING: 'The patient changed who may see their earlier care',
  CREDENTIAL_EXPIRES_60: 'One of your credentials expires within 60 days',
  CREDENTIAL_EXPIRES_14: 'One of your credentials expires within 14 days',
};

export interface ReferralMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The notification for one change. Deliberately content-free: it says that something changed and links to the
 * referral, where the recipient signs in to see it. No names, diagnoses, dates of birth or notes, ever.
 */
export function referralMail(
  to: string,
  kind: string,
  referralId: string | null,
  settings: MailSettings,
): ReferralMail {
  const headline = WHAT_CHANGED[kind] ?? 'A referral was updated';
  // Credential reminders point to the credentials page, where the therapist renews and uploads the new one.
  const path = kind.startsWith('CREDENTIAL_')
    ? '/profile/credentials'
    : referralId
      ? `/referrals/${referralId}`
      : '/referrals';
  const link = `${settings.publicUrl}${path}`;
  return {
    to,
    subject: `${headline} - Medical Massage Network`,
    text: `${headline}.\r\n\r\nSign in to see the details:\r\n${link}\r\n\r\nFor your privacy this message contains no patient or clinical information.\r\n`,
  };
}

/** The Message-ID of one notification (the same on every attempt), in the sender's domain. */
export function notificationMessageId(notificationId: string, from: string): string {
  const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'localhost';
  return `<notification-${notificationId}@${domain}>`;
}

/** An RFC 5322 message (plain text, UTF-8) for the file transport. */
export function toEml(mail: ReferralMail, from: string, date: Date = new Date()): string {
  const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'localhost';
  const headers = [
    `From: ${from}`,
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${mail.text}`;
}
