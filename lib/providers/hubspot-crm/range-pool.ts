import 'server-only';
import { HUBSPOT_TYPES, type HubSpotType } from './objects';

/**
 * The id space of each object type, cut into ranges that list and search lanes walk at the
 * same time. A lane with nothing to do takes an idle range or splits the busiest one in half,
 * so the number of requests in flight, not the length of one cursor chain, sets the pace.
 * Every id belongs to exactly one range at any moment, which is what makes delivery exactly-once.
 * Archived records (list API only) are walked after the type's active ranges, so a record
 * archived during the load is still seen once: as active before, or as archived after.
 */

export interface Range {
  type: HubSpotType;
  archived: boolean;
  /** The next id not yet delivered. */
  cursor: number;
  /** Exclusive end (Infinity: open, for records created during the load). */
  hi: number;
  busy: boolean;
  done: boolean;
  /** A page came back, so `cursor` is a real id (a range is split only then). */
  started: boolean;
  /** Walked only after the type's other active ranges (the open top, where records created during the load land). */
  last: boolean;
}

interface TypeShape {
  /** From the Search probe: highest id and number of active records. */
  maxId: number | null;
  total: number;
  firstId: number | null;
  archivedScheduled: boolean;
}

/** Records a range must still hold (by estimate) for splitting it to pay off. */
const MIN_SPLIT_RECORDS = 300;
const MIN_SEARCH_SPLIT_RECORDS = 100;

export class RangePool {
  readonly ranges: Range[] = [];
  private readonly shapes = new Map<HubSpotType, TypeShape>();

  constructor(types: readonly HubSpotType[] = HUBSPOT_TYPES) {
    for (const type of types) {
      this.shapes.set(type, { maxId: null, total: 0, firstId: null, archivedScheduled: false });
      this.ranges.push(this.range(type, false, 0, Infinity));
    }
  }

  private range(type: HubSpotType, archived: boolean, cursor: number, hi: number, last = false): Range {
    return { type, archived, cursor, hi, busy: false, done: false, started: false, last };
  }

  /** The Search probe found the top of the id space: ids above it were delivered (or are new), so the first range ends there. */
  probed(type: HubSpotType, total: number, lowestDelivered: number | null, maxId: number | null): void {
    const shape = this.shapes.get(type) as TypeShape;
    shape.total = total;
    shape.maxId = maxId;
    const first = this.ranges.find((r) => r.type === type && !r.archived);
    if (first && lowestDelivered !== null) this.shrink(first, lowestDelivered);
    // Records created during the load get ids above the top: one open range picks them up.
    if (maxId !== null) this.ranges.push(this.range(type, false, maxId + 1, Infinity, true));
    else if (first) first.hi = Infinity;
  }

  shrink(range: Range, hi: number): void {
    range.hi = Math.min(range.hi, hi);
    if (range.cursor >= range.hi) range.done = true;
  }

  /** A page of `range` came back: everything below `nextCursor` is delivered. */
  advance(range: Range, nextCursor: number, exhausted: boolean, firstId: number | null = null): void {
    const shape = this.shapes.get(range.type) as TypeShape;
    if (!range.archived && firstId !== null && (shape.firstId === null || firstId < shape.firstId)) shape.firstId = firstId;
    range.started = true;
    range.cursor = Math.max(range.cursor, nextCursor);
    if (exhausted || range.cursor >= range.hi) range.done = true;
  }

  private activeDone(type: HubSpotType): boolean {
    const shape = this.shapes.get(type) as TypeShape;
    return shape.maxId !== null || shape.total === 0
      ? this.ranges.every((r) => r.type !== type || r.archived || r.last || r.done)
      : false;
  }

  /** Every range of a type is walked, archived ones included. */
  typeDone(type: HubSpotType, probed: boolean): boolean {
    return probed && this.ranges.every((r) => r.type !== type || r.done) && (this.shapes.get(type) as TypeShape).archivedScheduled;
  }

  get allDone(): boolean {
    return this.ranges.every((r) => r.done) && [...this.shapes.values()].every((shape) => shape.archivedScheduled);
  }

  /** Once a type's active ranges are walked, its archived ones become available (cut in pieces by id). */
  private scheduleArchived(type: HubSpotType, probed: boolean): void {
    const shape = this.shapes.get(type) as TypeShape;
    if (shape.archivedScheduled || !probed || !this.activeDone(type)) return;
    shape.archivedScheduled = true;
    const low = shape.firstId ?? 0;
    const high = (shape.maxId ?? low) + 1;
    // Two pieces: archived records are few, and each piece costs at least one list call at the end of the load.
    const pieces = 2;
    const step = Math.max(1, Math.ceil((high - low) / pieces));
    const cuts = [0, ...Array.from({ length: pieces - 1 }, (_, i) => low + step * (i + 1)).filter((cut) => cut < high), Infinity];
    for (let i = 0; i + 1 < cuts.length; i++) this.ranges.push(this.range(type, true, cuts[i], cuts[i + 1]));
  }

  /**
   * The range a lane should walk next: an idle one, else the upper half of the busiest.
   * `order` ranks types (companies first: contacts and deals name their parent company).
   */
  take(mode: 'list' | 'search', order: readonly HubSpotType[], probedTypes: ReadonlySet<HubSpotType>): Range | null {
    for (const type of order) this.scheduleArchived(type, probedTypes.has(type));
    const eligible = (r: Range) => !r.done && (mode === 'list' || !r.archived) && (!r.last || this.activeDone(r.type));
    for (const type of order) {
      const idle = this.ranges.find((r) => r.type === type && !r.busy && eligible(r) && (mode === 'list' || probedTypes.has(type)));
      if (idle) return this.claim(idle);
    }
    for (const type of order) {
      const split = this.splitBusiest(type, eligible, mode === 'search' ? MIN_SEARCH_SPLIT_RECORDS : MIN_SPLIT_RECORDS);
      if (split) return this.claim(split);
    }
    return null;
  }

  private claim(range: Range): Range {
    range.busy = true;
    return range;
  }

  release(range: Range): void {
    range.busy = false;
  }

  private splitBusiest(type: HubSpotType, eligible: (r: Range) => boolean, minRecords: number): Range | null {
    const shape = this.shapes.get(type) as TypeShape;
    if (shape.maxId === null || shape.firstId === null) return null;
    const density = shape.total / Math.max(1, shape.maxId + 1 - shape.firstId);
    let best: { range: Range; span: number } | null = null;
    for (const r of this.ranges) {
      if (r.type !== type || r.archived || !r.busy || !r.started || !eligible(r)) continue;
      const span = Math.min(r.hi, shape.maxId + 1) - r.cursor;
      if (span * density >= 2 * minRecords && (!best || span > best.span)) best = { range: r, span };
    }
    if (!best) return null;
    const mid = best.range.cursor + Math.floor(best.span / 2);
    const upper = this.range(type, false, mid, best.range.hi);
    best.range.hi = mid;
    this.ranges.push(upper);
    return upper;
  }
}
