import 'server-only';
import { z } from 'zod';

/** HubSpot CRM Search request bodies: the shape, and the limits of the 2026-03 docs. */

export const SEARCH_MAX_LIMIT = 200;
export const SEARCH_MAX_RESULTS = 10_000;
export const SEARCH_MAX_BODY_CHARS = 3_000;
const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 6;
const MAX_FILTERS = 18;

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const filterSchema = z
  .object({
    propertyName: z.string().min(1),
    operator: z.enum(['LT', 'LTE', 'GT', 'GTE', 'EQ', 'NEQ', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN']),
    value: scalar.optional(),
    highValue: scalar.optional(),
    values: z.array(scalar).optional(),
  })
  .superRefine((filter, ctx) => {
    const needs = (what: boolean, message: string) => what || ctx.addIssue({ code: 'custom', message });
    if (filter.operator === 'BETWEEN') needs(filter.value !== undefined && filter.highValue !== undefined, 'BETWEEN needs value and highValue');
    else if (filter.operator === 'IN' || filter.operator === 'NOT_IN') needs(Boolean(filter.values?.length), `${filter.operator} needs values`);
    else if (!filter.operator.endsWith('HAS_PROPERTY')) needs(filter.value !== undefined, `${filter.operator} needs a value`);
  });

export type SearchFilter = z.infer<typeof filterSchema>;

export const searchBodySchema = z.object({
  filterGroups: z.array(z.object({ filters: z.array(filterSchema).max(MAX_FILTERS_PER_GROUP, `at most ${MAX_FILTERS_PER_GROUP} filters per group`) })).max(MAX_GROUPS, `at most ${MAX_GROUPS} filterGroups`).default([]),
  sorts: z
    .array(z.union([z.string().transform((propertyName) => ({ propertyName, direction: 'ASCENDING' as const })), z.object({ propertyName: z.string().min(1), direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING') })]))
    .max(1, 'only one sort is supported')
    .default([]),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT, `limit must be at most ${SEARCH_MAX_LIMIT}`).default(10),
  after: z
    .union([z.string().regex(/^\d+$/, 'after must be an integer'), z.number().int().min(0)])
    .transform(Number)
    .optional(),
  query: z.string().optional(),
});

export type SearchBody = z.infer<typeof searchBodySchema>;

export function countFilters(body: SearchBody): number {
  return body.filterGroups.reduce((sum, group) => sum + group.filters.length, 0);
}

export const SEARCH_LIMITS = { maxFilters: MAX_FILTERS };
