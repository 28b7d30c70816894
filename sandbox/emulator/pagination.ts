/**
 * Page-number pagination of the list endpoints (vitable-api.md §6): `page` ≥ 1 (default 1),
 * `limit` 1–100 (default 20); a page past the end is empty.
 */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
/** Pages are 32-bit integers on the server, as in most APIs. */
const MAX_PAGE = 2_147_483_647;
const WHOLE_NUMBER = /^\d+$/;

export interface PageRequest {
  page: number;
  limit: number;
}

export type PageRequestReading = ({ ok: true } & PageRequest) | { ok: false; message: string };

function readInteger(value: string | undefined, fallback: number, min: number, max: number): number | undefined {
  if (value === undefined) return fallback;
  if (!WHOLE_NUMBER.test(value)) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}

export function readPageRequest(page: string | undefined, limit: string | undefined): PageRequestReading {
  const pageNumber = readInteger(page, 1, 1, MAX_PAGE);
  if (pageNumber === undefined) return { ok: false, message: `page must be a whole number from 1 to ${MAX_PAGE}` };
  const limitNumber = readInteger(limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  if (limitNumber === undefined) return { ok: false, message: `limit must be a whole number from 1 to ${MAX_LIMIT}` };
  return { ok: true, page: pageNumber, limit: limitNumber };
}

/** `{"data": [...], "pagination": {page, limit, total, total_pages}}`; no items make 0 pages. */
export function paginate<T>(items: readonly T[], { page, limit }: PageRequest) {
  const start = (page - 1) * limit;
  return {
    data: items.slice(start, start + limit),
    pagination: { page, limit, total: items.length, total_pages: Math.ceil(items.length / limit) },
  };
}
