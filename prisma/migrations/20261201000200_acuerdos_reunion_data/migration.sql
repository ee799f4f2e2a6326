-- A migration of its own: the enum value RESPONSABLE added by the previous one can only be used once committed.
-- The agreements recorded as text become AcuerdoReunion rows (due at the meeting's date, the
-- organising unit responsible, pending), so that no agreement is lost, then the column goes.
INSERT INTO "AcuerdoReunion" ("id", "unitId", "reunionTrabajoCastId", "descripcion", "fechaCompromiso", "createdById", "createdAt", "updatedAt")
SELECT gen_random_uuid(), r."unitId", r."id", a.texto, COALESCE(r."fechaReunion", r."updatedAt"), r."createdById", r."updatedAt" + (a.n * interval '1 millisecond'), r."updatedAt"
FROM "ReunionTrabajoCast" r, unnest(r."acuerdos") WITH ORDINALITY AS a(texto, n);

INSERT INTO "AcuerdoReunionDestinatario" ("acuerdoReunionId", "unitId", "fin")
SELECT a."id", a."unitId", 'RESPONSABLE' FROM "AcuerdoReunion" a;

-- AlterTable
ALTER TABLE "ReunionTrabajoCast" DROP COLUMN "acuerdos";
