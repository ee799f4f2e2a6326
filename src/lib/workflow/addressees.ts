// Addressing a record to units (send, publish, invite, ask): the step names the
// units, each must be of an allowed kind (or, when the step allows it, none
// named means every unit of those kinds); the rows of the record's addressee
// table are written with the step and recorded in its audit entry. One
// mechanism for every addressee table (`<Model>Destinatario`).
import type { FinDestinatario, OrgUnitKind } from '../../generated/prisma/enums.js';
import type { InputIssue } from '../errors.js';
import type { ChangePlan } from './engine.js';
import type { Tx } from './types.js';

export interface AddressOptions {
  /** The kinds of unit that may be addressed. */
  kinds: readonly OrgUnitKind[];
  /** How the kinds read in a message: "a CAST", "a Colegio Estatal, UODCDMX or RCEO". */
  label: string;
  /** Where the ids sit in the input. */
  path: (string | number)[];
  purpose: FinDestinatario;
  /** When no ids are given: every unit of the kinds (true) or a refusal (false). */
  allWhenOmitted: boolean;
  /** Writes the addressee rows (with `skipDuplicates`), e.g. `tx.xDestinatario.createMany(...)`. */
  write: (tx: Tx, recordId: string, rows: { unitId: string; fin: FinDestinatario }[]) => Promise<unknown>;
}

/** The `validate` and `effects` of a step that addresses its record to the units named by `unitIds`. */
export function addressPlan<S extends string>(unitIds: readonly { id: string }[] | null | undefined, o: AddressOptions): ChangePlan<S> {
  let units: string[] = [];
  return {
    validate: async (tx) => {
      if (!unitIds) {
        if (!o.allWhenOmitted) return [{ path: o.path, message: `Name at least one unit: ${o.label}` }];
        units = (await tx.orgUnit.findMany({ where: { kind: { in: [...o.kinds] } }, select: { id: true } })).map((u) => u.id);
        return units.length ? [] : [{ path: o.path, message: `There is no unit to address: ${o.label}` }];
      }
      if (!unitIds.length) return [{ path: o.path, message: `Name at least one unit: ${o.label}` }];
      const ids = unitIds.map((g) => g.id);
      const found = await tx.orgUnit.findMany({ where: { id: { in: ids }, kind: { in: [...o.kinds] } }, select: { id: true } });
      units = found.map((u) => u.id);
      return ids.flatMap((id, i): InputIssue[] => (units.includes(id) ? [] : [{ path: [...o.path, i], message: `Not ${o.label}` }]));
    },
    effects: async (tx, record) => {
      await o.write(
        tx,
        record.id,
        units.map((unitId) => ({ unitId, fin: o.purpose })),
      );
      return { destinatarios: units, fin: o.purpose };
    },
  };
}
