import 'server-only';
import type { ApiCallContext } from '../common/emulator';
import { jsonResponse } from '../common/http';
import { countStat } from '../common/stats';
import { serializeCrmRecord } from './crm-serialize';
import { lowerBound, portalCrm, searchVersion } from './crm-store';
import type { CrmRecord } from './data';
import { hubspotValidationError } from './errors';
import { resolveObjectType, type CrmObjectType } from './object-types';
import { countFilters, SEARCH_LIMITS, SEARCH_MAX_BODY_CHARS, SEARCH_MAX_RESULTS, searchBodySchema, type SearchBody, type SearchFilter } from './search-request';

/** `POST /crm/v3/objects/{type}/search`: filters, one sort, 200 a page, 10,000 results a query, no archived records. */

const DATE_PROPERTIES = new Set(['createdate', 'lastmodifieddate', 'hs_lastmodifieddate', 'closedate']);

function propertyValue(record: CrmRecord, name: string): string | null {
  if (name === 'hs_object_id') return record.id;
  return record.properties[name] ?? null;
}

/** Numbers, dates (epoch ms or ISO) and strings compare the way HubSpot's typed properties do. */
function comparable(name: string, value: string): number | string {
  if (name === 'hs_object_id' || /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (DATE_PROPERTIES.has(name)) {
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return time;
  }
  return value.toLowerCase();
}

function matches(record: CrmRecord, filter: SearchFilter): boolean {
  const raw = propertyValue(record, filter.propertyName);
  if (filter.operator === 'HAS_PROPERTY') return raw !== null && raw !== '';
  if (filter.operator === 'NOT_HAS_PROPERTY') return raw === null || raw === '';
  if (raw === null) return filter.operator === 'NEQ' || filter.operator === 'NOT_IN' || filter.operator === 'NOT_CONTAINS_TOKEN';
  const name = filter.propertyName;
  const value = comparable(name, raw);
  const to = (other: string | undefined) => comparable(name, other ?? '');
  switch (filter.operator) {
    case 'EQ':
      return value === to(filter.value);
    case 'NEQ':
      return value !== to(filter.value);
    case 'LT':
      return value < to(filter.value);
    case 'LTE':
      return value <= to(filter.value);
    case 'GT':
      return value > to(filter.value);
    case 'GTE':
      return value >= to(filter.value);
    case 'BETWEEN':
      return value >= to(filter.value) && value <= to(filter.highValue);
    case 'IN':
      return (filter.values ?? []).some((candidate) => value === to(candidate));
    case 'NOT_IN':
      return !(filter.values ?? []).some((candidate) => value === to(candidate));
    case 'CONTAINS_TOKEN':
      return raw.toLowerCase().split(/\W+/).includes((filter.value ?? '').toLowerCase().replaceAll('*', ''));
    case 'NOT_CONTAINS_TOKEN':
      return !raw.toLowerCase().split(/\W+/).includes((filter.value ?? '').toLowerCase().replaceAll('*', ''));
    default:
      return false;
  }
}

/** The slice of the id-sorted table an hs_object_id range in every filter group allows (a shortcut, not a semantic change). */
function candidateRange(records: readonly CrmRecord[], body: SearchBody): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const group of body.filterGroups) {
    let groupLow = -Infinity;
    let groupHigh = Infinity;
    for (const filter of group.filters) {
      if (filter.propertyName !== 'hs_object_id') continue;
      const value = Number(filter.value);
      if (filter.operator === 'GTE' || filter.operator === 'GT' || filter.operator === 'EQ' || filter.operator === 'BETWEEN') groupLow = Math.max(groupLow, value);
      if (filter.operator === 'LTE' || filter.operator === 'LT' || filter.operator === 'EQ') groupHigh = Math.min(groupHigh, value);
      if (filter.operator === 'BETWEEN') groupHigh = Math.min(groupHigh, Number(filter.highValue));
    }
    low = Math.min(low, groupLow);
    high = Math.max(high, groupHigh);
  }
  if (body.filterGroups.length === 0 || !Number.isFinite(low)) low = 0;
  const start = lowerBound(records, low);
  const end = Number.isFinite(high) ? lowerBound(records, Math.floor(high) + 1) : records.length;
  return [start, Math.max(start, end)];
}

function matchesQuery(record: CrmRecord, query: string | undefined): boolean {
  if (!query?.trim()) return true;
  const needle = query.trim().toLowerCase();
  return ['firstname', 'lastname', 'email', 'name', 'domain', 'dealname'].some((name) => record.properties[name]?.toLowerCase().includes(needle));
}

function sortRecords(records: CrmRecord[], body: SearchBody): CrmRecord[] {
  const sort = body.sorts[0];
  if (!sort || (sort.propertyName === 'hs_object_id' && sort.direction === 'ASCENDING')) return records;
  const sign = sort.direction === 'DESCENDING' ? -1 : 1;
  const key = (record: CrmRecord) => {
    const raw = propertyValue(record, sort.propertyName);
    return raw === null ? null : comparable(sort.propertyName, raw);
  };
  return records
    .map((record) => ({ record, key: key(record) }))
    .sort((a, b) => {
      if (a.key === b.key) return Number(a.record.id) - Number(b.record.id);
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return (a.key < b.key ? -1 : 1) * sign;
    })
    .map((entry) => entry.record);
}

function invalid(message: string): Response {
  return hubspotValidationError(message, [{ message, code: 'INVALID_INPUT' }]);
}

export async function searchCrmObjects(ctx: ApiCallContext): Promise<Response> {
  const type: CrmObjectType | null = resolveObjectType(ctx.params.objectType);
  if (!type) return invalid(`Unable to infer object type from: ${ctx.params.objectType}`);
  const text = await ctx.request.text().catch(() => '');
  if (text.length > SEARCH_MAX_BODY_CHARS) return invalid(`Request body is too long: ${text.length} characters, the limit is ${SEARCH_MAX_BODY_CHARS}.`);
  let json: unknown;
  try {
    json = text.trim() ? JSON.parse(text) : {};
  } catch {
    return invalid('Invalid input JSON on line 1');
  }
  const parsed = searchBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid(`Invalid search request: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  const body = parsed.data;
  if (countFilters(body) > SEARCH_LIMITS.maxFilters) return invalid(`Too many filters: at most ${SEARCH_LIMITS.maxFilters} in all filter groups.`);
  const after = body.after ?? 0;
  const maxResults = ctx.state.faults.searchMaxResults ?? SEARCH_MAX_RESULTS;
  if (after >= maxResults) {
    return invalid(`Paging beyond ${maxResults} results is not supported: after=${after}. Narrow the search with filters.`);
  }

  const now = Date.now();
  const table = portalCrm(ctx.state, ctx.account.id)[type.name];
  const [start, end] = candidateRange(table.active, body);
  const found: CrmRecord[] = [];
  for (let i = start; i < end; i++) {
    const record = searchVersion(table.active[i], now);
    if (!record || !matchesQuery(record, body.query)) continue;
    if (body.filterGroups.length === 0 || body.filterGroups.some((group) => group.filters.every((filter) => matches(record, filter)))) found.push(record);
  }
  const sorted = sortRecords(found, body);
  const reachable = Math.min(sorted.length, maxResults);
  if (sorted.length > maxResults) await countStat(ctx.state, 'searchesOverWindow');
  const pageEnd = Math.min(after + body.limit, reachable);
  const properties = body.properties?.length ? body.properties : [...type.searchDefaultProperties];
  const response: Record<string, unknown> = {
    total: sorted.length,
    results: sorted.slice(after, pageEnd).map((record) => serializeCrmRecord(type, record, properties, [])),
  };
  if (pageEnd < reachable) response.paging = { next: { after: String(pageEnd) } };
  return jsonResponse(response);
}
