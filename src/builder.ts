// The one Pothos schema builder. Modules register their types, queries and
// mutations on it; src/schema.ts only imports the modules.
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import type PrismaTypes from './generated/pothos-prisma-types.js';
import { getDatamodel } from './generated/pothos-prisma-types.js';
import type { Context } from './context.js';
import { UUID } from './lib/ids.js';
import { notFound } from './lib/errors.js';

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    defaultConnectionSize: 20,
    maxConnectionSize: 100,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    // Every record id is a UUID: an id that does not hold one names nothing,
    // so it is refused here, once, before any resolver or SQL sees it.
    decodeGlobalID: (globalID) => {
      const decoded = Buffer.from(globalID, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const typename = colon > 0 ? decoded.slice(0, colon) : '';
      const id = decoded.slice(colon + 1);
      if (!typename || !UUID.test(id)) throw notFound(typename || 'Object', globalID);
      return { typename, id };
    },
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeFieldOptions: { nullable: false },
  },
});

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string with time zone (e.g. "2026-11-22T10:00:00Z").',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime must be an ISO 8601 string');
    // Years 1-9999 only: the database and the date arithmetic (retention, calendars) stay in range.
    if (date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) throw new TypeError('DateTime must fall in the years 0001 to 9999');
    return date;
  },
});

builder.scalarType('JSON', {
  description: 'A JSON value (an object of field names and the values a step wrote).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.queryType({ description: 'Reads. Every list is a Relay connection filtered to what the viewer may see.' });
builder.mutationType({ description: 'Writes. Each procedure step is one mutation, allowed to the role the manual names.' });

export const SortDirection = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });
