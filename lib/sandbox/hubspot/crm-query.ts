import 'server-only';
import { z } from 'zod';
import { listParam } from '../common/http';

/** Parsing of the CRM list/read query strings, with HubSpot-style validation messages. */

const booleanParam = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((value) => value === 'true');

const limitParam = z
  .string()
  .regex(/^-?\d+$/, 'must be an integer')
  .transform(Number)
  .pipe(z.number().min(1, 'must be greater than or equal to 1').max(100, 'must be less than or equal to 100'));

const singleValues = z.object({
  limit: limitParam.optional(),
  after: z.string().regex(/^\d{1,18}$/, 'must be a non-negative integer').optional(),
  archived: booleanParam.optional(),
  idProperty: z.enum(['hs_object_id', 'email'], { message: 'must be hs_object_id or email' }).optional(),
});

export interface CrmQuery {
  limit: number;
  after: number | null;
  archived: boolean;
  idProperty: 'hs_object_id' | 'email';
  properties: string[] | null;
  associations: string[];
}

export type CrmQueryResult = { ok: true; query: CrmQuery } | { ok: false; message: string; parameter: string };

export function parseCrmQuery(params: URLSearchParams): CrmQueryResult {
  const first: Record<string, string> = {};
  for (const name of ['limit', 'after', 'archived', 'idProperty']) {
    const value = params.get(name);
    if (value !== null) first[name] = value;
  }
  const parsed = singleValues.safeParse(first);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const parameter = String(issue.path[0] ?? 'query');
    return { ok: false, parameter, message: `${parameter} ${issue.message} (was ${JSON.stringify(first[parameter] ?? '')})` };
  }
  return {
    ok: true,
    query: {
      limit: parsed.data.limit ?? 10,
      after: parsed.data.after === undefined ? null : Number(parsed.data.after),
      archived: parsed.data.archived ?? false,
      idProperty: parsed.data.idProperty ?? 'hs_object_id',
      properties: listParam(params, 'properties'),
      associations: listParam(params, 'associations') ?? [],
    },
  };
}
