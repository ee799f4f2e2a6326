// Every workflow record's `history`: its audit entries, oldest first, loaded
// for all records of a response in one query.
import DataLoader from 'dataloader';
import type { Db } from '../db/client.js';
import { findMany } from '../db/read.js';
import type { WorkflowTransition } from '../../generated/prisma/client.js';

/** An audit entry with its actor's name (what `actorName` shows). */
type Entry = WorkflowTransition & { actor: { fullName: string } };

export function createHistoryLoader(db: Db) {
  return new DataLoader<{ workflow: string; recordId: string }, Entry[], string>(
    async (keys) => {
      const rows = (await findMany(db, 'workflowTransition', {
        where: { OR: groupByWorkflow(keys).map(([workflow, ids]) => ({ workflow, recordId: { in: ids } })) },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        // `actorName` reads it from the entry.
        include: { actor: { select: { fullName: true } } },
      })) as Entry[];
      const byKey = new Map<string, Entry[]>();
      for (const row of rows) {
        const key = `${row.workflow}:${row.recordId}`;
        byKey.set(key, [...(byKey.get(key) ?? []), row]);
      }
      return keys.map((k) => byKey.get(`${k.workflow}:${k.recordId}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.workflow}:${k.recordId}` },
  );
}

function groupByWorkflow(keys: readonly { workflow: string; recordId: string }[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const k of keys) groups.set(k.workflow, [...(groups.get(k.workflow) ?? []), k.recordId]);
  return [...groups];
}
