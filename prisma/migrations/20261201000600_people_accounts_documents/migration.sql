-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('INVITACION', 'RESTABLECIMIENTO', 'VERIFICACION');

-- CreateEnum
CREATE TYPE "EstadoApiKey" AS ENUM ('ACTIVA', 'REVOCADA');

-- CreateEnum
CREATE TYPE "TipoDocumento" AS ENUM ('RECIBO_ENTREGA', 'EVIDENCIA_VISITA', 'LISTA_ASISTENCIA', 'EVIDENCIA_REUNION', 'INSTRUMENTO_FIRMADO', 'AUDIO_LLAMADA', 'CFDI', 'OTRO');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrgUnitKind" ADD VALUE 'EMPRESA';
ALTER TYPE "OrgUnitKind" ADD VALUE 'INSTITUCION';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'USUARIO_EXTERNO';
ALTER TYPE "Role" ADD VALUE 'LECTOR';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "cuentaServicio" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3),
ADD COLUMN     "unitId" UUID,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "EvidenciaReunion" ADD COLUMN     "documentoId" UUID;

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "refreshHash" TEXT NOT NULL,
    "clientAddress" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refreshedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "purpose" "AccountTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "nombre" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "secretHash" TEXT NOT NULL,
    "estado" "EstadoApiKey" NOT NULL DEFAULT 'ACTIVA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Documento" (
    "id" UUID NOT NULL,
    "nombre" TEXT NOT NULL,
    "tipoContenido" TEXT NOT NULL,
    "tamano" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "claveAlmacen" TEXT NOT NULL,
    "tipo" "TipoDocumento",
    "entidad" TEXT,
    "registroId" UUID,
    "adjuntadoAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Documento_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Session_refreshHash_key" ON "Session"("refreshHash");

-- CreateIndex
CREATE INDEX "Session_personId_idx" ON "Session"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_personId_purpose_idx" ON "AccountToken"("personId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_personId_key" ON "ApiKey"("personId");

-- CreateIndex
CREATE INDEX "ApiKey_unitId_estado_idx" ON "ApiKey"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "Documento_claveAlmacen_key" ON "Documento"("claveAlmacen");

-- CreateIndex
CREATE INDEX "Documento_entidad_registroId_idx" ON "Documento"("entidad", "registroId");

-- CreateIndex
CREATE INDEX "Documento_createdById_createdAt_idx" ON "Documento"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "Person_unitId_idx" ON "Person"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenciaReunion_documentoId_key" ON "EvidenciaReunion"("documentoId");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenciaReunion" ADD CONSTRAINT "EvidenciaReunion_documentoId_fkey" FOREIGN KEY ("documentoId") REFERENCES "Documento"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Documento" ADD CONSTRAINT "Documento_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Existing people belong to the unit of their first role assignment (by unit code).
UPDATE "Person" p SET "unitId" = (
  SELECT ra."unitId" FROM "RoleAssignment" ra JOIN "OrgUnit" u ON u.id = ra."unitId"
  WHERE ra."personId" = p.id ORDER BY u.code LIMIT 1
) WHERE p."unitId" IS NULL;
-- Accounts that already have a password signed in with it: their address counts as verified.
UPDATE "Person" SET "emailVerifiedAt" = "createdAt" WHERE "passwordHash" IS NOT NULL AND "emailVerifiedAt" IS NULL;
