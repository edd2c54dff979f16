import 'server-only';
import { STATUS_OPTIONS, type NotionNode, type NotionParent, type NotionWorkspaceData } from './data';

/** Pages and databases in Notion's 2022-06-28 JSON shapes. */

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

function parentJson(parent: NotionParent): Record<string, unknown> {
  if (parent.type === 'workspace') return { type: 'workspace', workspace: true };
  if (parent.type === 'page_id') return { type: 'page_id', page_id: parent.id };
  return { type: 'database_id', database_id: parent.id };
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

function common(node: NotionNode): Record<string, unknown> {
  return {
    id: node.id,
    created_time: node.createdTime,
    last_edited_time: node.lastEditedTime,
    created_by: { object: 'user', id: node.createdBy },
    last_edited_by: { object: 'user', id: node.lastEditedBy },
    cover: null,
    icon: node.icon ? { type: 'emoji', emoji: node.icon } : null,
    parent: parentJson(node.parent),
    archived: node.trashed,
    in_trash: node.trashed,
  };
}

function pageJson(node: NotionNode): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    [node.titleProperty]: { id: 'title', type: 'title', title: richText(node.title) },
  };
  if (node.status !== null) {
    properties.Status = { id: 'Zt%3Ds', type: 'select', select: { id: `opt-${node.status.length}`, name: node.status, color: 'default' } };
  }
  return { object: 'page', ...common(node), properties, url: notionUrl(node), public_url: null };
}

function databaseJson(node: NotionNode): Record<string, unknown> {
  return {
    object: 'database',
    ...common(node),
    title: richText(node.title),
    description: [],
    is_inline: node.isInline,
    properties: {
      [node.titleProperty]: { id: 'title', name: node.titleProperty, type: 'title', title: {} },
      Status: {
        id: 'Zt%3Ds',
        name: 'Status',
        type: 'select',
        select: { options: STATUS_OPTIONS.map((name, i) => ({ id: `opt-${name.length}`, name, color: STATUS_COLORS[i] })) },
      },
      Created: { id: 'cR%3Ft', name: 'Created', type: 'created_time', created_time: {} },
    },
    url: notionUrl(node),
    public_url: null,
  };
}

export function serializeNotionNode(node: NotionNode): Record<string, unknown> {
  return node.kind === 'page' ? pageJson(node) : databaseJson(node);
}

/** Finds a node from the last segment of a notion.so URL path (`Slug-<32 hex>` or a dashed id). */
export function nodeFromUrlSegment(data: NotionWorkspaceData, segment: string): NotionNode | null {
  const match = /([0-9a-f]{32})$/i.exec(segment.replace(/-/g, ''));
  if (!match) return null;
  const hex = match[1].toLowerCase();
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return data.byId.get(id) ?? null;
}
