import 'server-only';
import { createdAndModified, SeededRandom } from '../common/prng';
import { cachedData, type EmulatorState } from '../common/state';
import { EMOJI, QUALIFIERS, TOPIC_WORDS, TRICKY_TITLES } from '../common/wordlists';

/** The workspace content every sandbox connection sees: generated once from a fixed seed. */

export type NotionParent =
  | { type: 'workspace' }
  | { type: 'page_id'; id: string }
  | { type: 'database_id'; id: string }
  | { type: 'data_source_id'; id: string; databaseId: string };

/** A database is a container of one or more data sources; pages in a database belong to one of its data sources. */
export interface NotionNode {
  kind: 'page' | 'database' | 'data_source';
  id: string;
  title: string;
  icon: string | null;
  parent: NotionParent;
  createdTime: string;
  lastEditedTime: string;
  createdBy: string;
  lastEditedBy: string;
  trashed: boolean;
  /** Databases and data sources: the name of their title property; rows use their data source's. */
  titleProperty: string;
  isInline: boolean;
  status: string | null;
}

export interface NotionWorkspaceData {
  /** Sorted by last_edited_time, newest first (the search order). */
  nodes: NotionNode[];
  byId: Map<string, NotionNode>;
  /** A database's data sources, the first one first. */
  sourcesOf: Map<string, NotionNode[]>;
}

/** Every fifth database holds a second data source. */
export const NOTION_COUNTS = { pages: 400, databases: 30, topLevelPages: 30, dataSources: 36 } as const;
const SOURCE_NAMES = ['Archive', '2024', 'Imported', 'Team B', 'Backlog'];

const DATABASE_NAMES = ['Tasks', 'Projects', 'Meeting notes', 'Docs', 'Reading list', 'Roadmap', 'Bugs', 'Hiring pipeline', 'OKRs', 'Content calendar'];
const TITLE_PROPERTIES = ['Name', 'Name', 'Name', 'Task', 'Title', 'Project'];
export const STATUS_OPTIONS = ['Not started', 'In progress', 'Done'] as const;

/** Notion stores times at minute precision. */
function minuteTimes(random: SeededRandom): { created: string; edited: string } {
  const { created, modified } = createdAndModified(random);
  const round = (iso: string) => new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000).toISOString();
  return { created: round(created), edited: round(modified) };
}

class WorkspaceBuilder {
  readonly nodes: NotionNode[] = [];
  private readonly users: string[];

  constructor(private readonly random: SeededRandom) {
    this.users = Array.from({ length: 6 }, () => random.uuid());
  }

  private title(index: number): string {
    const r = this.random;
    if (index % 37 === 5) return '';
    if (index % 53 === 7) return TRICKY_TITLES[Math.floor(index / 53) % TRICKY_TITLES.length];
    return `${r.pick(QUALIFIERS)} ${r.pick(TOPIC_WORDS).toLowerCase()}${r.chance(0.3) ? ` ${r.pick(TOPIC_WORDS).toLowerCase()}` : ''}`;
  }

  add(kind: NotionNode['kind'], parent: NotionParent, fields: Partial<NotionNode> = {}): NotionNode {
    const r = this.random;
    const { created, edited } = minuteTimes(r);
    const node: NotionNode = {
      kind,
      id: r.uuid(),
      title: this.title(this.nodes.length),
      icon: r.chance(0.4) ? r.pick(EMOJI) : null,
      parent,
      createdTime: created,
      lastEditedTime: edited,
      createdBy: r.pick(this.users),
      lastEditedBy: r.pick(this.users),
      trashed: kind === 'page' && this.nodes.length > 10 && r.chance(0.015),
      titleProperty: 'title',
      isInline: false,
      status: null,
      ...fields,
    };
    this.nodes.push(node);
    return node;
  }

  pick(kind: NotionNode['kind'], filter: (node: NotionNode) => boolean = () => true): NotionNode {
    return this.random.pick(this.nodes.filter((node) => node.kind === kind && filter(node)));
  }
}

function generateWorkspace(): NotionWorkspaceData {
  const random = new SeededRandom('notion-workspace-v1');
  const builder = new WorkspaceBuilder(random);
  for (let i = 0; i < NOTION_COUNTS.topLevelPages; i += 1) builder.add('page', { type: 'workspace' });
  for (let i = 0; i < NOTION_COUNTS.databases; i += 1) {
    const parent: NotionParent = random.chance(0.2) ? { type: 'workspace' } : { type: 'page_id', id: builder.pick('page').id };
    builder.add('database', parent, {
      title: i % 13 === 4 ? '' : `${random.pick(DATABASE_NAMES)}${i >= DATABASE_NAMES.length ? ` ${random.pick(QUALIFIERS)}` : ''}`,
      titleProperty: random.pick(TITLE_PROPERTIES),
      isInline: parent.type === 'page_id' && random.chance(0.3),
    });
  }
  while (builder.nodes.filter((node) => node.kind === 'page').length < NOTION_COUNTS.pages) {
    if (random.chance(0.5)) {
      const database = builder.pick('database');
      builder.add('page', { type: 'database_id', id: database.id }, {
        titleProperty: database.titleProperty,
        status: random.pick(STATUS_OPTIONS),
      });
    } else {
      const parent = builder.pick('page', (node) => node.parent.type !== 'database_id');
      builder.add('page', { type: 'page_id', id: parent.id });
    }
  }
  const sourcesOf = addDataSources(builder.nodes);
  const nodes = [...builder.nodes].sort(
    (a, b) => b.lastEditedTime.localeCompare(a.lastEditedTime) || a.id.localeCompare(b.id),
  );
  return { nodes, byId: new Map(nodes.map((node) => [node.id, node])), sourcesOf };
}

/**
 * Gives every database its data sources (drawn from their own seed, so the pages and databases
 * above keep their ids and times) and moves each database row into one of its database's sources.
 */
function addDataSources(nodes: NotionNode[]): Map<string, NotionNode[]> {
  const random = new SeededRandom('notion-data-sources-v1');
  const sourcesOf = new Map<string, NotionNode[]>();
  const databases = nodes.filter((node) => node.kind === 'database');
  databases.forEach((database, index) => {
    const first: NotionNode = { ...database, kind: 'data_source', id: random.uuid(), parent: { type: 'database_id', id: database.id } };
    const sources = [first];
    if (index % 5 === 2) {
      const { created, edited } = minuteTimes(random);
      const later = (a: string, b: string) => (a > b ? a : b);
      const createdTime = later(created, database.createdTime);
      sources.push({
        ...first,
        id: random.uuid(),
        title: `${database.title || 'Untitled'} · ${random.pick(SOURCE_NAMES)}`,
        createdTime,
        lastEditedTime: later(edited, createdTime),
      });
    }
    sourcesOf.set(database.id, sources);
    nodes.push(...sources);
  });
  for (const node of nodes) {
    if (node.kind !== 'page' || node.parent.type !== 'database_id') continue;
    const sources = sourcesOf.get(node.parent.id) ?? [];
    const source = sources.length > 1 && random.chance(0.4) ? sources[1] : sources[0];
    node.parent = { type: 'data_source_id', id: source.id, databaseId: node.parent.id };
  }
  return sourcesOf;
}

export function notionWorkspace(state: EmulatorState): NotionWorkspaceData {
  return cachedData(state, 'workspace', generateWorkspace);
}
