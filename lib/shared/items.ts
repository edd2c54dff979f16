import type { IntegrationItem } from '@/lib/contract';

// The item's shape is the contract's (lib/contract/item.ts); these build and check its fields.

export type IntegrationItemInput = Pick<IntegrationItem, 'id' | 'type' | 'provider'> &
  Partial<Omit<IntegrationItem, 'id' | 'type' | 'provider' | 'name'>> & { name?: string | null };

/** Fills the optional fields with their defaults so every item carries every field. */
export function createIntegrationItem(input: IntegrationItemInput, fallbackName: string): IntegrationItem {
  return {
    id: input.id,
    type: input.type,
    name: firstNonBlank(input.name) ?? fallbackName,
    creation_time: toIsoTime(input.creation_time),
    last_modified_time: toIsoTime(input.last_modified_time),
    url: input.url ?? null,
    visibility: input.visibility ?? true,
    parent_id: input.parent_id ?? null,
    parent_path_or_name: input.parent_path_or_name ?? null,
    directory: input.directory ?? false,
    provider: input.provider,
    children: input.children ?? null,
    mime_type: input.mime_type ?? null,
    delta: input.delta ?? null,
    drive_id: input.drive_id ?? null,
  };
}

/** The first argument that holds more than whitespace, trimmed. */
export function firstNonBlank(...values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed) return trimmed;
  }
  return null;
}

/** ISO 8601 UTC, or null for anything that is not a valid time (epoch ms strings included). */
export function toIsoTime(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = typeof value === 'number' || /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * Keeps a deep link only when it is an absolute https URL (or on one of the allowed extra
 * origins, e.g. the sandbox) without credentials in it. Used on the server when mapping
 * items and in the browser before rendering a link.
 */
export function safeUrl(value: string | null | undefined, allowedOrigins: readonly string[] = []): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  let url: URL;
  try {
    // No base URL: relative or malformed strings are rejected rather than resolved.
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const allowedOrigin = url.origin !== 'null' && allowedOrigins.includes(url.origin);
  return url.protocol === 'https:' || allowedOrigin ? url.href : null;
}
