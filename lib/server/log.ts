import { describeForLog, redact } from '@/lib/shared/redact';

/**
 * The server's only way to print: every line goes through the redaction helper, so a token,
 * code or secret that reaches a message (a provider's error body, a URL) never reaches the log.
 */
function line(message: string, detail: unknown[]): string {
  return [redact(message), ...detail.map(describeForLog)].join(' ');
}

export const log = {
  info(message: string, ...detail: unknown[]): void {
    console.log(line(message, detail));
  },
  warn(message: string, ...detail: unknown[]): void {
    console.warn(line(message, detail));
  },
  error(message: string, ...detail: unknown[]): void {
    console.error(line(message, detail));
  },
};
