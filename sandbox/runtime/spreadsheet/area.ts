/** A rectangle of cells, 1-based as in Apps Script. */
export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function lastRowOf(area: GridArea): number {
  return area.row + area.numRows - 1;
}

export function lastColumnOf(area: GridArea): number {
  return area.column + area.numColumns - 1;
}

export function areasIntersect(a: GridArea, b: GridArea): boolean {
  return a.row <= lastRowOf(b) && b.row <= lastRowOf(a) && a.column <= lastColumnOf(b) && b.column <= lastColumnOf(a);
}

/** A run of rows or columns: where it starts and how many it spans. */
interface Span {
  start: number;
  length: number;
}

/**
 * Where a span lies once `count` lines are inserted before line `at`. Sheets grows a span the
 * insertion falls inside, and moves a span that lies below or to the right of it.
 */
function spanAfterInsert(span: Span, at: number, count: number): Span {
  if (at <= span.start) return { start: span.start + count, length: span.length };
  if (at < span.start + span.length) return { start: span.start, length: span.length + count };
  return span;
}

/** Where a span lies once lines `from`…`from + count - 1` are deleted, or null when all of it went. */
function spanAfterDelete(span: Span, from: number, count: number): Span | null {
  const end = span.start + span.length;
  const deletedEnd = from + count;
  const deletedBefore = Math.max(0, Math.min(deletedEnd, span.start) - from);
  const deletedInside = Math.max(0, Math.min(deletedEnd, end) - Math.max(from, span.start));
  const length = span.length - deletedInside;
  return length > 0 ? { start: span.start - deletedBefore, length } : null;
}

export type Axis = "rows" | "columns";

/** The area once lines are inserted along an axis (see spanAfterInsert). */
export function areaAfterInsert(area: GridArea, axis: Axis, at: number, count: number): GridArea {
  if (axis === "rows") {
    const { start, length } = spanAfterInsert({ start: area.row, length: area.numRows }, at, count);
    return { ...area, row: start, numRows: length };
  }
  const { start, length } = spanAfterInsert({ start: area.column, length: area.numColumns }, at, count);
  return { ...area, column: start, numColumns: length };
}

/** The area once lines are deleted along an axis, or null when every line of it was deleted. */
export function areaAfterDelete(area: GridArea, axis: Axis, from: number, count: number): GridArea | null {
  if (axis === "rows") {
    const span = spanAfterDelete({ start: area.row, length: area.numRows }, from, count);
    return span && { ...area, row: span.start, numRows: span.length };
  }
  const span = spanAfterDelete({ start: area.column, length: area.numColumns }, from, count);
  return span && { ...area, column: span.start, numColumns: span.length };
}
