import 'server-only';
import { STATUS_OPTIONS, type NotionNode, type NotionParent, type NotionWorkspaceData } from './data';
import type { NotionApiModel } from './version';

/**
 * Pages, databases and data sources in the JSON shapes of the caller's Notion-Version:
 * before 2025-09-03 a database carries its (first) data source's schema and rows name the
 * database as parent; from 2025-09-03 a database is a container listing its data sources.
 */

function richText(content: string): Array<Record<string, unknown>> {
  if (content === '') return [];
  return [
    {
      type: 'text',
      text: { content, link: null },
      annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' },
      plain_text: content,
      href: null,
    },
  ];
}

function parentJson(parent: NotionParent, model: NotionApiModel): Record<string, unknown> {
  if (parent.type === 'workspace') return { type: 'workspace', workspace: true };
  if (parent.type === 'page_id') return { type: 'page_id', page_id: parent.id };
  if (parent.type === 'database_id') return { type: 'database_id', database_id: parent.id };
  if (!model.dataSources) return { type: 'database_id', database_id: parent.databaseId };
  return { type: 'data_source_id', data_source_id: parent.id, database_id: parent.databaseId };
}

/** `https://www.notion.so/<Slug>-<id without dashes>` (just the id for untitled items). */
export function notionUrl(node: NotionNode): string {
  const compactId = node.id.replace(/-/g, '');
  const slug = node.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `https://www.notion.so/${slug ? `${slug}-` : ''}${compactId}`;
}

const STATUS_COLORS = ['default', 'blue', 'green'];

function common(node: NotionNode, model: NotionApiModel): Record<string, unknown> {
  return {
    id: node.id,
    created_time: node.createdTime,
    last_edited_time: node.lastEditedTime,
    created_by: { object: 'user', id: node.createdBy },
    last_edited_by: { object: 'user', id: node.lastEditedBy },
    cover: null,
    icon: node.icon ? { type: 'emoji', emoji: node.icon } : null,
    parent: parentJson(node.parent, model),
    ...(model.archivedField ? { archived: node.trashed } : {}),
    in_trash: node.trashed,
  };
}

function pageJson(node: NotionNode, model: NotionApiModel): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    [node.titleProperty]: { id: 'title', type: 'title', title: richText(node.title) },
  };
  if (node.status !== null) {
    properties.Status = { id: 'Zt%3Ds', type: 'select', select: { id: `opt-${node.status.length}`, name: node.status, color: 'default' } };
  }
  const locked = model.dataSources ? { is_locked: false } : {};
  return { object: 'page', ...common(node, model), ...locked, properties, url: notionUrl(node), public_url: null };
}

/** The property schema of a data source (before 2025-09-03: of the database). */
function schemaJson(node: NotionNode): Record<string, unknown> {
  return {
    [node.titleProperty]: { id: 'title', name: node.titleProperty, description: null, type: 'title', title: {} },
    Status: {
      id: 'Zt%3Ds',
      name: 'Status',
      description: null,
      type: 'select',
      select: { options: STATUS_OPTIONS.map((name, i) => ({ id: `opt-${name.length}`, name, color: STATUS_COLORS[i] })) },
    },
    Created: { id: 'cR%3Ft', name: 'Created', description: null, type: 'created_time', created_time: {} },
  };
}

function databaseJson(node: NotionNode, sources: readonly NotionNode[], model: NotionApiModel): Record<string, unknown> {
  const shape = model.dataSources
    ? { is_locked: false, data_sources: sources.map((source) => ({ id: source.id, name: source.title })) }
    : { properties: schemaJson(node) };
  return {
    object: 'database',
    ...common(node, model),
    title: richText(node.title),
    description: [],
    is_inline: node.isInline,
    ...shape,
    url: notionUrl(node),
    public_url: null,
  };
}

function dataSourceJson(node: NotionNode, database: NotionNode | undefined, model: NotionApiModel): Record<string, unknown> {
  return {
    object: 'data_source',
    ...common(node, model),
    title: richText(node.title),
    description: [],
    database_parent: database ? parentJson(database.parent, model) : { type: 'workspace', workspace: true },
    is_inline: node.isInline,
    properties: schemaJson(node),
    url: notionUrl(node),
    public_url: null,
  };
}

export function serializeNotionNode(node: NotionNode, data: NotionWorkspaceData, model: NotionApiModel): Record<string, unknown> {
  if (node.kind === 'page') return pageJson(node, model);
  if (node.kind === 'database') return databaseJson(node, data.sourcesOf.get(node.id) ?? [], model);
  const database = node.parent.type === 'database_id' ? data.byId.get(node.parent.id) : undefined;
  return dataSourceJson(node, database, model);
}

/** Whether this version's search lists the node: pages, and databases before 2025-09-03 or data sources from it. */
export function isSearchableIn(node: NotionNode, model: NotionApiModel): boolean {
  return node.kind === 'page' || node.kind === (model.dataSources ? 'data_source' : 'database');
}

/** Finds a node from the last segment of a notion.so URL path (`Slug-<32 hex>` or a dashed id). */
export function nodeFromUrlSegment(data: NotionWorkspaceData, segment: string): NotionNode | null {
  const match = /([0-9a-f]{32})$/i.exec(segment.replace(/-/g, ''));
  if (!match) return null;
  const hex = match[1].toLowerCase();
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return data.byId.get(id) ?? null;
}
