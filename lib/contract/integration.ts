import { z } from 'zod';

export const accountSchema = z.object({ id: z.string(), label: z.string() }).meta({ id: 'Account' });
export type Account = z.infer<typeof accountSchema>;

export const integrationModeSchema = z.enum(['live', 'sandbox']);
export const integrationStatusSchema = z.enum(['not_connected', 'connected', 'reconnect_required']);
export type IntegrationMode = z.infer<typeof integrationModeSchema>;
export type IntegrationStatus = z.infer<typeof integrationStatusSchema>;

/** One entry of `GET /api/integrations`, for this browser session (more fields may follow). */
export const integrationSummarySchema = z
  .looseObject({
    provider: z.string().min(1),
    name: z.string().min(1),
    description: z.string(),
    mode: integrationModeSchema,
    connected: z.boolean(),
    status: integrationStatusSchema,
    account: accountSchema.nullable(),
    itemTypes: z.array(z.string()),
  })
  .meta({ id: 'IntegrationSummary' });

export type IntegrationSummary = z.infer<typeof integrationSummarySchema>;

export const integrationListSchema = z.array(integrationSummarySchema);

export const healthSchema = z.object({ ok: z.literal(true), store: z.enum(['redis', 'memory']) }).meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;
