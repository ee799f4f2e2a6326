-- CreateEnum
CREATE TYPE "TipoProyectoNormativo" AS ENUM ('SERVICIOS_TECNOLOGICOS', 'CAPACITACION');

-- CreateEnum
CREATE TYPE "EstadoAcuerdoReunion" AS ENUM ('PENDIENTE', 'CUMPLIDO');

-- CreateEnum
CREATE TYPE "EstadoPromocionServiciosTecnologicos" AS ENUM ('INSTRUIDA', 'EN_ACTUALIZACION', 'COMPILADA', 'EN_PROMOCION', 'VERIFICADA');

-- CreateEnum
CREATE TYPE "TipoSolicitudDirigida" AS ENUM ('MATERIAL_PROMOCIONAL', 'PUBLICACION_PORTAL');

-- CreateEnum
CREATE TYPE "EstadoSolicitudDirigida" AS ENUM ('ENVIADA', 'RECIBIDA', 'ATENDIDA');

-- CreateEnum
CREATE TYPE "EstadoOfertaCapacitacion" AS ENUM ('EN_PREPARACION', 'DIFUNDIDA');

-- CreateEnum
CREATE TYPE "TipoRecursoPromocion" AS ENUM ('PROYECTO', 'RECURSO', 'INSUMO');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'SESC';
ALTER TYPE "Role" ADD VALUE 'JDCESC';
ALTER TYPE "Role" ADD VALUE 'GT_COMERI';
ALTER TYPE "Role" ADD VALUE 'COMERI';
ALTER TYPE "Role" ADD VALUE 'ENLACE_CAPACITACION';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EstadoNormativo" ADD VALUE 'EN_REVISION_GT_COMERI';
ALTER TYPE "EstadoNormativo" ADD VALUE 'EN_CONSENSO';
ALTER TYPE "EstadoNormativo" ADD VALUE 'EN_REVISION_COMERI';
ALTER TYPE "EstadoNormativo" ADD VALUE 'APROBADO_COMERI';
ALTER TYPE "EstadoNormativo" ADD VALUE 'DIFUNDIDO';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FinDestinatario" ADD VALUE 'APORTACIONES';
ALTER TYPE "FinDestinatario" ADD VALUE 'INFORMACION';
ALTER TYPE "FinDestinatario" ADD VALUE 'ATENCION';
ALTER TYPE "FinDestinatario" ADD VALUE 'DIFUSION';
ALTER TYPE "FinDestinatario" ADD VALUE 'RESPONSABLE';

-- AlterTable
ALTER TABLE "ProyectoNormativo" ADD COLUMN     "reunionTrabajoCastId" UUID,
ADD COLUMN     "seguimiento" TEXT,
ADD COLUMN     "tipo" "TipoProyectoNormativo" NOT NULL DEFAULT 'SERVICIOS_TECNOLOGICOS';


-- CreateTable
CREATE TABLE "AportacionNormativa" (
    "id" UUID NOT NULL,
    "proyectoId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "texto" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AportacionNormativa_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AcuerdoReunion" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "reunionTrabajoCastId" UUID NOT NULL,
    "descripcion" TEXT NOT NULL,
    "fechaCompromiso" TIMESTAMP(3) NOT NULL,
    "resultado" TEXT,
    "cumplidoAt" TIMESTAMP(3),
    "estado" "EstadoAcuerdoReunion" NOT NULL DEFAULT 'PENDIENTE',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AcuerdoReunion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AcuerdoReunionDestinatario" (
    "acuerdoReunionId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fin" "FinDestinatario" NOT NULL,

    CONSTRAINT "AcuerdoReunionDestinatario_pkey" PRIMARY KEY ("acuerdoReunionId","unitId","fin")
);

-- CreateTable
CREATE TABLE "PromocionServiciosTecnologicos" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "anio" INTEGER NOT NULL,
    "instruccion" TEXT NOT NULL,
    "compilacion" TEXT,
    "verificacion" TEXT,
    "estado" "EstadoPromocionServiciosTecnologicos" NOT NULL DEFAULT 'INSTRUIDA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromocionServiciosTecnologicos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromocionServiciosTecnologicosDestinatario" (
    "promocionServiciosTecnologicosId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fin" "FinDestinatario" NOT NULL,

    CONSTRAINT "PromocionServiciosTecnologicosDestinatario_pkey" PRIMARY KEY ("promocionServiciosTecnologicosId","unitId","fin")
);

-- CreateTable
CREATE TABLE "CatalogoServicios" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "edicion" INTEGER NOT NULL,
    "promocionServiciosTecnologicosId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogoServicios_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServicioTecnologico" (
    "id" UUID NOT NULL,
    "catalogoServiciosId" UUID NOT NULL,
    "orden" INTEGER NOT NULL,
    "nombre" TEXT NOT NULL,
    "descripcion" TEXT NOT NULL,

    CONSTRAINT "ServicioTecnologico_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SolicitudDirigida" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "tipo" "TipoSolicitudDirigida" NOT NULL,
    "asunto" TEXT NOT NULL,
    "respuesta" TEXT,
    "urlRespuesta" TEXT,
    "atendidaAt" TIMESTAMP(3),
    "promocionServiciosTecnologicosId" UUID,
    "estado" "EstadoSolicitudDirigida" NOT NULL DEFAULT 'ENVIADA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SolicitudDirigida_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SolicitudDirigidaDestinatario" (
    "solicitudDirigidaId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fin" "FinDestinatario" NOT NULL,

    CONSTRAINT "SolicitudDirigidaDestinatario_pkey" PRIMARY KEY ("solicitudDirigidaId","unitId","fin")
);

-- CreateTable
CREATE TABLE "OfertaCapacitacion" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "anio" INTEGER NOT NULL,
    "descripcion" TEXT NOT NULL,
    "micrositioUrl" TEXT,
    "estado" "EstadoOfertaCapacitacion" NOT NULL DEFAULT 'EN_PREPARACION',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfertaCapacitacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfertaCapacitacionDestinatario" (
    "ofertaCapacitacionId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fin" "FinDestinatario" NOT NULL,

    CONSTRAINT "OfertaCapacitacionDestinatario_pkey" PRIMARY KEY ("ofertaCapacitacionId","unitId","fin")
);

-- CreateTable
CREATE TABLE "RecursoPromocion" (
    "id" UUID NOT NULL,
    "ofertaCapacitacionId" UUID NOT NULL,
    "tipo" "TipoRecursoPromocion" NOT NULL,
    "descripcion" TEXT NOT NULL,
    "url" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecursoPromocion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AportacionNormativa_proyectoId_idx" ON "AportacionNormativa"("proyectoId");

-- CreateIndex
CREATE INDEX "AcuerdoReunion_unitId_estado_idx" ON "AcuerdoReunion"("unitId", "estado");

-- CreateIndex
CREATE INDEX "AcuerdoReunion_reunionTrabajoCastId_idx" ON "AcuerdoReunion"("reunionTrabajoCastId");

-- CreateIndex
CREATE INDEX "AcuerdoReunion_estado_fechaCompromiso_idx" ON "AcuerdoReunion"("estado", "fechaCompromiso");

-- CreateIndex
CREATE INDEX "AcuerdoReunionDestinatario_unitId_idx" ON "AcuerdoReunionDestinatario"("unitId");

-- CreateIndex
CREATE INDEX "PromocionServiciosTecnologicos_unitId_estado_idx" ON "PromocionServiciosTecnologicos"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "PromocionServiciosTecnologicos_unitId_anio_key" ON "PromocionServiciosTecnologicos"("unitId", "anio");

-- CreateIndex
CREATE INDEX "PromocionServiciosTecnologicosDestinatario_unitId_idx" ON "PromocionServiciosTecnologicosDestinatario"("unitId");

-- CreateIndex
CREATE INDEX "CatalogoServicios_promocionServiciosTecnologicosId_idx" ON "CatalogoServicios"("promocionServiciosTecnologicosId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogoServicios_unitId_edicion_key" ON "CatalogoServicios"("unitId", "edicion");

-- CreateIndex
CREATE UNIQUE INDEX "ServicioTecnologico_catalogoServiciosId_orden_key" ON "ServicioTecnologico"("catalogoServiciosId", "orden");

-- CreateIndex
CREATE INDEX "SolicitudDirigida_unitId_estado_idx" ON "SolicitudDirigida"("unitId", "estado");

-- CreateIndex
CREATE INDEX "SolicitudDirigida_promocionServiciosTecnologicosId_idx" ON "SolicitudDirigida"("promocionServiciosTecnologicosId");

-- CreateIndex
CREATE INDEX "SolicitudDirigidaDestinatario_unitId_idx" ON "SolicitudDirigidaDestinatario"("unitId");

-- CreateIndex
CREATE INDEX "OfertaCapacitacion_unitId_estado_idx" ON "OfertaCapacitacion"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "OfertaCapacitacion_unitId_anio_key" ON "OfertaCapacitacion"("unitId", "anio");

-- CreateIndex
CREATE INDEX "OfertaCapacitacionDestinatario_unitId_idx" ON "OfertaCapacitacionDestinatario"("unitId");

-- CreateIndex
CREATE INDEX "RecursoPromocion_ofertaCapacitacionId_idx" ON "RecursoPromocion"("ofertaCapacitacionId");

-- CreateIndex
CREATE INDEX "ProyectoNormativo_tipo_estado_idx" ON "ProyectoNormativo"("tipo", "estado");

-- CreateIndex
CREATE INDEX "ProyectoNormativo_reunionTrabajoCastId_idx" ON "ProyectoNormativo"("reunionTrabajoCastId");

-- AddForeignKey
ALTER TABLE "ProyectoNormativo" ADD CONSTRAINT "ProyectoNormativo_reunionTrabajoCastId_fkey" FOREIGN KEY ("reunionTrabajoCastId") REFERENCES "ReunionTrabajoCast"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AportacionNormativa" ADD CONSTRAINT "AportacionNormativa_proyectoId_fkey" FOREIGN KEY ("proyectoId") REFERENCES "ProyectoNormativo"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AportacionNormativa" ADD CONSTRAINT "AportacionNormativa_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AportacionNormativa" ADD CONSTRAINT "AportacionNormativa_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuerdoReunion" ADD CONSTRAINT "AcuerdoReunion_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuerdoReunion" ADD CONSTRAINT "AcuerdoReunion_reunionTrabajoCastId_fkey" FOREIGN KEY ("reunionTrabajoCastId") REFERENCES "ReunionTrabajoCast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuerdoReunion" ADD CONSTRAINT "AcuerdoReunion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuerdoReunionDestinatario" ADD CONSTRAINT "AcuerdoReunionDestinatario_acuerdoReunionId_fkey" FOREIGN KEY ("acuerdoReunionId") REFERENCES "AcuerdoReunion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuerdoReunionDestinatario" ADD CONSTRAINT "AcuerdoReunionDestinatario_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromocionServiciosTecnologicos" ADD CONSTRAINT "PromocionServiciosTecnologicos_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromocionServiciosTecnologicos" ADD CONSTRAINT "PromocionServiciosTecnologicos_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromocionServiciosTecnologicosDestinatario" ADD CONSTRAINT "PromocionServiciosTecnologicosDestinatario_promocionServic_fkey" FOREIGN KEY ("promocionServiciosTecnologicosId") REFERENCES "PromocionServiciosTecnologicos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromocionServiciosTecnologicosDestinatario" ADD CONSTRAINT "PromocionServiciosTecnologicosDestinatario_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogoServicios" ADD CONSTRAINT "CatalogoServicios_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogoServicios" ADD CONSTRAINT "CatalogoServicios_promocionServiciosTecnologicosId_fkey" FOREIGN KEY ("promocionServiciosTecnologicosId") REFERENCES "PromocionServiciosTecnologicos"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogoServicios" ADD CONSTRAINT "CatalogoServicios_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicioTecnologico" ADD CONSTRAINT "ServicioTecnologico_catalogoServiciosId_fkey" FOREIGN KEY ("catalogoServiciosId") REFERENCES "CatalogoServicios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudDirigida" ADD CONSTRAINT "SolicitudDirigida_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudDirigida" ADD CONSTRAINT "SolicitudDirigida_promocionServiciosTecnologicosId_fkey" FOREIGN KEY ("promocionServiciosTecnologicosId") REFERENCES "PromocionServiciosTecnologicos"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudDirigida" ADD CONSTRAINT "SolicitudDirigida_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudDirigidaDestinatario" ADD CONSTRAINT "SolicitudDirigidaDestinatario_solicitudDirigidaId_fkey" FOREIGN KEY ("solicitudDirigidaId") REFERENCES "SolicitudDirigida"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SolicitudDirigidaDestinatario" ADD CONSTRAINT "SolicitudDirigidaDestinatario_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfertaCapacitacion" ADD CONSTRAINT "OfertaCapacitacion_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfertaCapacitacion" ADD CONSTRAINT "OfertaCapacitacion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfertaCapacitacionDestinatario" ADD CONSTRAINT "OfertaCapacitacionDestinatario_ofertaCapacitacionId_fkey" FOREIGN KEY ("ofertaCapacitacionId") REFERENCES "OfertaCapacitacion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfertaCapacitacionDestinatario" ADD CONSTRAINT "OfertaCapacitacionDestinatario_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecursoPromocion" ADD CONSTRAINT "RecursoPromocion_ofertaCapacitacionId_fkey" FOREIGN KEY ("ofertaCapacitacionId") REFERENCES "OfertaCapacitacion"("id") ON DELETE CASCADE ON UPDATE CASCADE;


