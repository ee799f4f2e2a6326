-- CreateEnum
CREATE TYPE "TipoSolicitudPortal" AS ENUM ('INFORMACION_GENERAL', 'GUIAS_OPERACION_PRESTADORES', 'CUOTAS_TARIFAS', 'INTERACCION_SECTORES', 'REGISTROS_NACIONALES', 'ARTICULOS_PROMOCIONALES', 'COMUNICADOS', 'SERVICIOS', 'GESTION', 'ENCUESTAS_OPINION', 'OTRO');

-- CreateEnum
CREATE TYPE "EstadoSolicitudPortal" AS ENUM ('REGISTRADA', 'NO_PROCEDENTE', 'EN_DISENO', 'EN_REVISION', 'ENVIADA', 'EN_CONSTRUCCION', 'ENTREGADA', 'VALIDADA', 'EN_PRODUCCION');

-- CreateEnum
CREATE TYPE "EstadoAnalisisPortal" AS ENUM ('EN_ELABORACION', 'PRESENTADO', 'REPORTADO');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CONOCER_PROVEEDOR_PORTAL';

-- AlterEnum
ALTER TYPE "FinDestinatario" ADD VALUE 'PROVEEDOR_PORTAL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TipoDocumento" ADD VALUE 'DOCUMENTACION_PORTAL';
ALTER TYPE "TipoDocumento" ADD VALUE 'ESTADISTICA_PORTAL';

-- CreateTable
CREATE TABLE "SolicitudPortal" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "areaSolicitanteId" UUID NOT NULL,
    "tipo" "TipoSolicitudPortal" NOT NULL,
    "titulo" TEXT NOT NULL,
    "descripcion" TEXT NOT NULL,
    "motivosNoProcedente" TEXT,
    "contenido" TEXT,
    "requerimientosFuncionales" TEXT,
    "solucion" TEXT,
    "planTrabajo" TEXT,
    "urlPrueba" TEXT,
    "resultadoPruebas" TEXT,
    "urlProduccion" TEXT,
    "estado" "EstadoSolicitudPortal" NOT NULL DEFAULT 'REGISTRADA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SolicitudPortal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SolicitudPortalDestinatario" (
    "solicitudPortalId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fin" "FinDestinatario" NOT NULL,

    CONSTRAINT "SolicitudPortalDestinatario_pkey" PRIMARY KEY ("solicitudPortalId","unitId","fin")
);

-- CreateTable
CREATE TABLE "EstadisticaPortal" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "semana" DATE NOT NULL,
    "accesosTotales" INTEGER NOT NULL,
    "nombreArchivo" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EstadisticaPortal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EstadisticaPortalPagina" (
    "id" UUID NOT NULL,
    "estadisticaPortalId" UUID NOT NULL,
    "pagina" TEXT NOT NULL,
    "accesos" INTEGER NOT NULL,
    "segundosPromedio" INTEGER NOT NULL,

    CONSTRAINT "EstadisticaPortalPagina_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalisisPortal" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "anio" INTEGER NOT NULL,
    "trimestre" INTEGER NOT NULL,
    "analisis" TEXT,
    "brechas" TEXT,
    "areasOportunidad" TEXT,
    "estado" "EstadoAnalisisPortal" NOT NULL DEFAULT 'EN_ELABORACION',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalisisPortal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevisionContenidoPortal" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "anio" INTEGER NOT NULL,
    "trimestre" INTEGER NOT NULL,
    "hallazgos" TEXT NOT NULL,
    "requiereActualizacion" BOOLEAN NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevisionContenidoPortal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SolicitudPortal_unitId_estado_idx" ON "SolicitudPortal"("unitId", "estado");

-- CreateIndex
CREATE INDEX "SolicitudPortalDestinatario_unitId_idx" ON "SolicitudPortalDestinatario"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "EstadisticaPortal_unitId_semana_key" ON "EstadisticaPortal"("unitId", "semana");

-- CreateIndex
CREATE UNIQUE INDEX "EstadisticaPortalPagina_estadisticaPortalId_pagina_key" ON "EstadisticaPortalPagina"("estadisticaPortalId", "pagina");

-- CreateIndex
CREATE INDEX "AnalisisPortal_unitId_estado_idx" ON "AnalisisPortal"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "AnalisisPortal_unitId_anio_trimestre_key" ON "AnalisisPortal"("unitId", "anio", "trimestre");

-- CreateIndex
CREATE UNIQUE INDEX "RevisionContenidoPortal_unitId_anio_trimestre_key" ON "RevisionContenidoPortal"("unitId", "anio", "trimestre");

-- AddForeignKey
ALTER TABLE "SolicitudPortal" ADD CONSTRAINT "SolicitudPortal_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudPortal" ADD CONSTRAINT "SolicitudPortal_areaSolicitanteId_fkey" FOREIGN KEY ("areaSolicitanteId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudPortal" ADD CONSTRAINT "SolicitudPortal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudPortalDestinatario" ADD CONSTRAINT "SolicitudPortalDestinatario_solicitudPortalId_fkey" FOREIGN KEY ("solicitudPortalId") REFERENCES "SolicitudPortal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudPortalDestinatario" ADD CONSTRAINT "SolicitudPortalDestinatario_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstadisticaPortal" ADD CONSTRAINT "EstadisticaPortal_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstadisticaPortal" ADD CONSTRAINT "EstadisticaPortal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstadisticaPortalPagina" ADD CONSTRAINT "EstadisticaPortalPagina_estadisticaPortalId_fkey" FOREIGN KEY ("estadisticaPortalId") REFERENCES "EstadisticaPortal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalisisPortal" ADD CONSTRAINT "AnalisisPortal_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalisisPortal" ADD CONSTRAINT "AnalisisPortal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionContenidoPortal" ADD CONSTRAINT "RevisionContenidoPortal_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionContenidoPortal" ADD CONSTRAINT "RevisionContenidoPortal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

