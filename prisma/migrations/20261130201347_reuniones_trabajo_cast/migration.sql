-- CreateEnum
CREATE TYPE "EstadoReunionTrabajoCast" AS ENUM ('EN_PREPARACION', 'CONVOCADA', 'CERRADA');

-- AlterEnum
ALTER TYPE "FinDestinatario" ADD VALUE 'INVITACION';

-- AlterTable
ALTER TABLE "EvidenciaReunion" ADD COLUMN     "reunionTrabajoCastId" UUID,
ALTER COLUMN "proyectoId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ReunionTrabajoCast" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "periodo" TEXT NOT NULL,
    "requerimientos" TEXT NOT NULL,
    "gestiones" TEXT,
    "programa" TEXT,
    "solicitudes" TEXT,
    "logistica" TEXT,
    "modalidad" "ModalidadReunion",
    "fechaProgramada" TIMESTAMP(3),
    "materialUrl" TEXT,
    "fechaReunion" TIMESTAMP(3),
    "resultados" TEXT,
    "acuerdos" TEXT[],
    "estado" "EstadoReunionTrabajoCast" NOT NULL DEFAULT 'EN_PREPARACION',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReunionTrabajoCast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReunionTrabajoCastDestinatario" (
    "reunionTrabajoCastId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fin" "FinDestinatario" NOT NULL,

    CONSTRAINT "ReunionTrabajoCastDestinatario_pkey" PRIMARY KEY ("reunionTrabajoCastId","unitId","fin")
);

-- CreateIndex
CREATE INDEX "ReunionTrabajoCast_unitId_estado_idx" ON "ReunionTrabajoCast"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "ReunionTrabajoCast_unitId_periodo_key" ON "ReunionTrabajoCast"("unitId", "periodo");

-- CreateIndex
CREATE INDEX "ReunionTrabajoCastDestinatario_unitId_idx" ON "ReunionTrabajoCastDestinatario"("unitId");

-- CreateIndex
CREATE INDEX "EvidenciaReunion_reunionTrabajoCastId_idx" ON "EvidenciaReunion"("reunionTrabajoCastId");

-- AddForeignKey
ALTER TABLE "EvidenciaReunion" ADD CONSTRAINT "EvidenciaReunion_reunionTrabajoCastId_fkey" FOREIGN KEY ("reunionTrabajoCastId") REFERENCES "ReunionTrabajoCast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReunionTrabajoCast" ADD CONSTRAINT "ReunionTrabajoCast_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReunionTrabajoCast" ADD CONSTRAINT "ReunionTrabajoCast_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReunionTrabajoCastDestinatario" ADD CONSTRAINT "ReunionTrabajoCastDestinatario_reunionTrabajoCastId_fkey" FOREIGN KEY ("reunionTrabajoCastId") REFERENCES "ReunionTrabajoCast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReunionTrabajoCastDestinatario" ADD CONSTRAINT "ReunionTrabajoCastDestinatario_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

