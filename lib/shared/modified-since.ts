import { IntegrationError } from '@/lib/shared/errors';

export class InvalidRequestError extends IntegrationError {
  constructor(message: string) {
    super('invalid_request', message, 400);
  }
}

// A calendar date, optionally with a time and then a zone (Z or ±hh:mm / ±hhmm); a time without a zone is not an instant.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/**
 * The `modified_since` query parameter as a Date, or undefined when absent. A date alone
 * means midnight UTC. Anything else that is not an ISO 8601 instant is a 400 invalid_request.
 */
export function parseModifiedSince(params: URLSearchParams): Date | undefined {
  const values = params.getAll('modified_since');
  if (values.length === 0) return undefined;
  const invalid = () =>
    new InvalidRequestError('modified_since must be one ISO 8601 instant, for example 2026-11-30T12:00:00Z.');
  if (values.length > 1) throw invalid();
  const match = ISO_INSTANT.exec(values[0].trim());
  if (!match) throw invalid();
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
  const date = new Date(match[4] ? values[0].trim() : `${year}-${month}-${day}T00:00:00Z`);
  // Reject roll-overs such as 2026-02-30 or 25:00 that Date would quietly accept or shift.
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  if (
    Number.isNaN(date.getTime()) ||
    monthNumber < 1 ||
    monthNumber > 12 ||
    dayNumber < 1 ||
    dayNumber > daysInMonth ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    throw invalid();
  }
  return date;
}
