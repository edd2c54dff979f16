/**
 * The caller's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next fills
 * the header from the socket when no proxy set it; a proxy appends the address it saw). IPv6
 * addresses count per /64, the block one host usually gets.
 */
export function clientAddress(forwardedFor: string | null): string {
  const last = forwardedFor?.split(',').at(-1)?.trim().toLowerCase() ?? '';
  if (!last) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(last);
  if (mapped) return mapped[1];
  if (!last.includes(':')) return last;
  const groups = last.replace(/^\[|\]$/g, '').split(':');
  return `${groups.slice(0, 4).join(':')}::/64`;
}
