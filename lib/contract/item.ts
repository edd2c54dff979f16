import { z } from 'zod';

/** The normalised record every provider maps to (JSON, snake_case). */
export const integrationItemSchema = z
  .object({
    id: z.string().min(1).describe("The provider's own record id"),
    type: z.string().min(1),
    name: z.string().min(1),
    creation_time: z.string().nullable().describe('ISO 8601 UTC'),
    last_modified_time: z.string().nullable().describe('ISO 8601 UTC'),
    url: z.string().nullable().describe("Deep link into the provider's UI; only https: (or the sandbox origin)"),
    visibility: z.boolean().describe('False for archived or trashed records'),
    parent_id: z.string().nullable(),
    parent_path_or_name: z.string().nullable(),
    directory: z.boolean().describe('True for containers'),
    provider: z.string().min(1),
    children: z.array(z.string()).nullable(),
    mime_type: z.string().nullable(),
    delta: z.string().nullable(),
    drive_id: z.string().nullable(),
  })
  .meta({ id: 'IntegrationItem' });

export type IntegrationItem = z.infer<typeof integrationItemSchema>;

export const integrationItemListSchema = z.array(integrationItemSchema);

/** `(provider, type, id)` is unique within one answer; this is that key (also the table's row id). */
export function itemKey(item: Pick<IntegrationItem, 'provider' | 'type' | 'id'>): string {
  return `${item.provider}:${item.type}:${item.id}`;
}
