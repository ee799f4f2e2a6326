// The working meeting with CAST directors (7081-MP-SI Pd-01-It-01) and its
// evidence: minutes, screenshots of virtual meetings, attendance lists. One
// mechanism for every step that records such a meeting: normatividad's step 13
// (`closeProyectoNormativo`) and It-01's step 8 (`closeReunionTrabajoCast`).
import { builder } from '../../builder.js';
import type { ModalidadReunion, TipoEvidencia } from '../../generated/prisma/enums.js';
import type { InputChecker } from '../../lib/errors.js';
import { isHttpUrl } from '../../lib/validation.js';
import { TipoEvidenciaEnum } from './types.js';
import type { Viewer } from '../../lib/auth/viewer.js';
import { stepDocuments } from '../../lib/documents/access.js';

export const EvidenciaReunionInput = builder.inputType('EvidenciaReunionInput', {
  fields: (t) => ({
    tipo: t.field({ type: TipoEvidenciaEnum, required: true }),
    descripcion: t.string({ required: true }),
    url: t.string({ required: false, description: 'Where the evidence is, when it is not uploaded.' }),
    documentoId: t.globalID({
      required: false,
      description: 'The uploaded file (POST /documents), readable afterwards with the meeting record.',
    }),
  }),
});

export interface MeetingArgs {
  fecha: Date;
  modalidad: ModalidadReunion;
  evidenciasReunion: {
    tipo: TipoEvidencia;
    descripcion: string;
    url?: string | null;
    documentoId?: { id: string; typename: string } | null;
  }[];
}

/** The files named by the meeting's evidence: checked in `validate`, attached to the meeting record in `effects`. */
export function meetingDocuments(viewer: Viewer, input: MeetingArgs) {
  const named = input.evidenciasReunion.flatMap((e, i) => (e.documentoId ? [{ ref: e.documentoId, i }] : []));
  return stepDocuments(
    viewer,
    named.map((n) => n.ref),
    (k) => ['input', 'evidenciasReunion', named[k].i, 'documentoId'],
  );
}

/** At least one piece of evidence, each described, URLs http(s); the meeting is not in the future. */
export function checkMeeting(check: InputChecker, input: MeetingArgs): InputChecker {
  check
    .check(input.evidenciasReunion.length > 0, ['input', 'evidenciasReunion'], 'Give at least one piece of evidence')
    .check(input.fecha.getTime() <= Date.now() + 86_400_000, ['input', 'fecha'], 'The meeting cannot be in the future');
  input.evidenciasReunion.forEach((e, i) => {
    check.check(e.descripcion.trim().length > 0, ['input', 'evidenciasReunion', i, 'descripcion'], 'Must not be empty');
    check.check(e.url == null || isHttpUrl(e.url), ['input', 'evidenciasReunion', i, 'url'], 'Must be an http or https URL');
  });
  return check;
}

/**
 * The `EvidenciaReunion` rows of a meeting, for `createMany` once the owner
 * column is added. `createdAt` is one millisecond apart per row, so that the
 * evidence reads back (ordered by `createdAt`) in the order it was given.
 */
export function evidenceRows(input: MeetingArgs) {
  const at = Date.now();
  return input.evidenciasReunion.map((e, i) => ({
    tipo: e.tipo,
    descripcion: e.descripcion.trim(),
    url: e.url?.trim() ?? null,
    documentoId: e.documentoId?.id ?? null,
    createdAt: new Date(at + i),
  }));
}
