import type { ColumnType, Generated } from 'kysely';

// Column helpers shared by every table type file. Table types mirror migrations/ (snake_case
// columns); repositories map rows to domain shapes.

export type Id = Generated<number>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns come back as 'YYYY-MM-DD' on both engines (see create-db.ts). */
export type DateString = string;
export type Json = ColumnType<unknown, string, string>;
