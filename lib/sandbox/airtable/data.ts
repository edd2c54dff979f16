import 'server-only';
import { prefixedId } from '../common/ids';
import { SeededRandom } from '../common/prng';
import { cachedData, type EmulatorState } from '../common/state';
import { QUALIFIERS, TOPIC_WORDS, TRICKY_TITLES } from '../common/wordlists';

/** The bases every sandbox Airtable user can see: generated once from a fixed seed. */

export interface AirtableField {
  id: string;
  name: string;
  type: string;
  description?: string;
  options?: Record<string, unknown>;
}

export interface AirtableView {
  id: string;
  name: string;
  type: string;
}

export interface AirtableTable {
  id: string;
  name: string;
  primaryFieldId: string;
  description?: string;
  fields: AirtableField[];
  views: AirtableView[];
}

export interface AirtableBase {
  id: string;
  name: string;
  permissionLevel: 'read' | 'comment' | 'edit' | 'create';
  tables: AirtableTable[];
}

export const AIRTABLE_BASE_COUNT = 25;

const TABLE_NAMES = [
  'Projects', 'Tasks', 'Contacts', 'Vendors', 'Inventory', 'Campaigns', 'Events', 'Invoices', 'Meetings', 'Team',
  'Feedback', 'Assets', 'Leads', 'Orders', 'Products', 'Locations', 'Budget lines', 'Sprints', 'Candidates', 'Notes',
] as const;

const FIELD_KINDS: ReadonlyArray<{ name: string; type: string; options?: Record<string, unknown> }> = [
  { name: 'Notes', type: 'multilineText' },
  { name: 'Email', type: 'email' },
  { name: 'Website', type: 'url' },
  { name: 'Quantity', type: 'number', options: { precision: 0 } },
  { name: 'Budget', type: 'currency', options: { precision: 2, symbol: '$' } },
  { name: 'Done', type: 'checkbox', options: { icon: 'check', color: 'greenBright' } },
  { name: 'Due date', type: 'date', options: { dateFormat: { name: 'iso', format: 'YYYY-MM-DD' } } },
  { name: 'Created', type: 'createdTime', options: { result: { type: 'dateTime' } } },
  { name: 'Owner', type: 'singleCollaborator' },
  { name: 'Rating', type: 'rating', options: { icon: 'star', max: 5, color: 'yellowBright' } },
  { name: 'Attachments', type: 'multipleAttachments', options: { isReversed: false } },
  { name: 'Phone', type: 'phoneNumber' },
];

const VIEW_KINDS = [
  { name: 'Grid view', type: 'grid' },
  { name: 'Kanban', type: 'kanban' },
  { name: 'Calendar', type: 'calendar' },
  { name: 'Gallery', type: 'gallery' },
  { name: 'Form', type: 'form' },
] as const;

const PERMISSION_LEVELS = ['create', 'create', 'create', 'edit', 'edit', 'comment', 'read'] as const;

function shuffled<T>(random: SeededRandom, values: readonly T[]): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function statusField(random: SeededRandom): AirtableField {
  const choices = ['Todo', 'In progress', 'Blocked', 'Done'].map((name, i) => ({
    id: prefixedId(random, 'sel'),
    name,
    color: ['blueLight2', 'yellowLight2', 'redLight2', 'greenLight2'][i],
  }));
  return { id: prefixedId(random, 'fld'), name: 'Status', type: 'singleSelect', options: { choices } };
}

function generateTable(random: SeededRandom, name: string): AirtableTable {
  const primary: AirtableField = { id: prefixedId(random, 'fld'), name: random.chance(0.7) ? 'Name' : `${name} name`, type: 'singleLineText' };
  const others = shuffled(random, FIELD_KINDS)
    .slice(0, random.int(2, 9))
    .map((kind) => ({ id: prefixedId(random, 'fld'), ...kind }));
  const fields = [primary, statusField(random), ...others];
  const views = shuffled(random, VIEW_KINDS.slice(1))
    .slice(0, random.int(0, 3))
    .map((kind) => ({ id: prefixedId(random, 'viw'), ...kind }));
  const table: AirtableTable = {
    id: prefixedId(random, 'tbl'),
    name,
    primaryFieldId: primary.id,
    fields,
    views: [{ id: prefixedId(random, 'viw'), ...VIEW_KINDS[0] }, ...views],
  };
  if (random.chance(0.3)) table.description = `Everything about ${name.toLowerCase()}.`;
  return table;
}

function baseName(random: SeededRandom, index: number): string {
  const trickyIndex = index - 2;
  if (trickyIndex >= 0 && trickyIndex < TRICKY_TITLES.length) return TRICKY_TITLES[trickyIndex];
  return `${random.pick(QUALIFIERS)} ${random.pick(TOPIC_WORDS)}`;
}

function generateBases(): AirtableBase[] {
  const random = new SeededRandom('airtable-bases-v1');
  return Array.from({ length: AIRTABLE_BASE_COUNT }, (_, index) => {
    const id = prefixedId(random, 'app');
    const name = baseName(random, index);
    const tableNames = shuffled(random, TABLE_NAMES).slice(0, random.int(2, 15));
    return {
      id,
      name,
      permissionLevel: random.pick(PERMISSION_LEVELS),
      tables: tableNames.map((tableName) => generateTable(random, tableName)),
    };
  });
}

export function airtableBases(state: EmulatorState): AirtableBase[] {
  return cachedData(state, 'bases', generateBases);
}

export function findBase(state: EmulatorState, baseId: string): AirtableBase | undefined {
  return airtableBases(state).find((base) => base.id === baseId);
}
