/** PostgreSQL type oids whose default JavaScript form differs between `pg` and PGlite. */
export const OID = { INT8: 20, DATE: 1082, NUMERIC: 1700 } as const;

/**
 * Parsers both engines use, so a row reads the same on either: a calendar date stays the string
 * PostgreSQL sent (a `Date` would shift with the process time zone), counts and sums become numbers
 * (ours stay far below 2^53).
 */
export const VALUE_PARSERS: Readonly<Record<number, (value: string) => unknown>> = {
  [OID.INT8]: Number,
  [OID.NUMERIC]: Number,
  [OID.DATE]: (value) => value,
};
