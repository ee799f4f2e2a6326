-- CreateEnum
CREATE TYPE "TipoCampana" AS ENUM ('LLAMADA_AUTOMATICA', 'LLAMADA_OPERADOR', 'CORREO');

-- CreateEnum
CREATE TYPE "EstadoCampana" AS ENUM ('EN_PLANEACION', 'PLAN_PRESENTADO', 'EN_DISENO', 'DISENO_PRESENTADO', 'APROBADA', 'EN_CURSO', 'TERMINADA', 'REPORTADA', 'CERRADA');

-- CreateEnum
CREATE TYPE "OrigenDestinatarioCampana" AS ENUM ('TICKET_CORREO', 'TICKET_LLAMADA');

-- CreateEnum
CREATE TYPE "ResultadoEnvio" AS ENUM ('PENDIENTE', 'ENVIANDO', 'ENVIADO', 'REBOTADO', 'FALLIDO', 'OMITIDO', 'INTERRUMPIDO');

-- CreateEnum
CREATE TYPE "ResultadoLlamada" AS ENUM ('EXITOSA', 'NO_CONTESTA', 'OCUPADO', 'NUMERO_INVALIDO', 'RECHAZADA');

-- CreateTable
CREATE TABLE "Campana" (
    "id" UUID NOT NULL,
    "estado" "EstadoCampana" NOT NULL DEFAULT 'EN_PLANEACION',
    "version" INTEGER NOT NULL DEFAULT 0,
    "unitId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "areaSolicitanteId" UUID NOT NULL,
    "tipo" "TipoCampana" NOT NULL,
    "nombre" TEXT NOT NULL,
    "necesidad" TEXT NOT NULL,
    "objetivos" TEXT,
    "estrategia" TEXT,
    "planAccion" TEXT,
    "metaExitosos" INTEGER,
    "auditorio" TEXT,
    "asunto" TEXT,
    "mensaje" TEXT,
    "script" TEXT,
    "inicio" TIMESTAMP(3),
    "fin" TIMESTAMP(3),
    "lanzadaAt" TIMESTAMP(3),
    "terminadaAt" TIMESTAMP(3),
    "reportadaAt" TIMESTAMP(3),
    "reporteTotal" INTEGER,
    "reporteExitosos" INTEGER,
    "analisis" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campana_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DestinatarioCampana" (
    "id" UUID NOT NULL,
    "campanaId" UUID NOT NULL,
    "orden" INTEGER NOT NULL,
    "nombre" TEXT NOT NULL,
    "correo" TEXT,
    "origen" "OrigenDestinatarioCampana" NOT NULL,
    "ticketId" UUID,
    "resultadoEnvio" "ResultadoEnvio" NOT NULL DEFAULT 'PENDIENTE',
    "reclamadoAt" TIMESTAMP(3),
    "enviadoAt" TIMESTAMP(3),
    "messageId" TEXT,
    "error" TEXT,
    "tokenBajaHash" TEXT,
    "resultadoLlamada" "ResultadoLlamada",
    "llamadaAt" TIMESTAMP(3),
    "notasLlamada" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DestinatarioCampana_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PruebaCampana" (
    "id" UUID NOT NULL,
    "campanaId" UUID NOT NULL,
    "asunto" TEXT NOT NULL,
    "mensaje" TEXT NOT NULL,
    "para" TEXT[],
    "correcta" BOOLEAN,
    "observaciones" TEXT,
    "revisadaAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PruebaCampana_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BajaCorreo" (
    "correo" TEXT NOT NULL,
    "campanaId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BajaCorreo_pkey" PRIMARY KEY ("correo")
);

-- CreateIndex
CREATE INDEX "Campana_unitId_estado_idx" ON "Campana"("unitId", "estado");

-- CreateIndex
CREATE INDEX "Campana_estado_tipo_idx" ON "Campana"("estado", "tipo");

-- CreateIndex
CREATE UNIQUE INDEX "DestinatarioCampana_tokenBajaHash_key" ON "DestinatarioCampana"("tokenBajaHash");

-- CreateIndex
CREATE INDEX "DestinatarioCampana_resultadoEnvio_campanaId_idx" ON "DestinatarioCampana"("resultadoEnvio", "campanaId");

-- CreateIndex
CREATE UNIQUE INDEX "DestinatarioCampana_campanaId_orden_key" ON "DestinatarioCampana"("campanaId", "orden");

-- CreateIndex
CREATE INDEX "PruebaCampana_campanaId_createdAt_idx" ON "PruebaCampana"("campanaId", "createdAt");

-- AddForeignKey
ALTER TABLE "Campana" ADD CONSTRAINT "Campana_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campana" ADD CONSTRAINT "Campana_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campana" ADD CONSTRAINT "Campana_areaSolicitanteId_fkey" FOREIGN KEY ("areaSolicitanteId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DestinatarioCampana" ADD CONSTRAINT "DestinatarioCampana_campanaId_fkey" FOREIGN KEY ("campanaId") REFERENCES "Campana"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PruebaCampana" ADD CONSTRAINT "PruebaCampana_campanaId_fkey" FOREIGN KEY ("campanaId") REFERENCES "Campana"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

