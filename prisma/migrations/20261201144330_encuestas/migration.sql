-- CreateEnum
CREATE TYPE "TipoEncuesta" AS ENUM ('OPINION', 'SONDEO', 'SATISFACCION');

-- CreateEnum
CREATE TYPE "CanalEncuesta" AS ENUM ('TELEFONO', 'CORREO');

-- CreateEnum
CREATE TYPE "EstadoEncuesta" AS ENUM ('EN_PLANEACION', 'PLAN_PRESENTADO', 'EN_DISENO', 'DISENO_PRESENTADO', 'APROBADA', 'EN_CURSO', 'REPORTADA', 'CERRADA');

-- CreateTable
CREATE TABLE "Encuesta" (
    "id" UUID NOT NULL,
    "estado" "EstadoEncuesta" NOT NULL DEFAULT 'EN_PLANEACION',
    "version" INTEGER NOT NULL DEFAULT 0,
    "unitId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "areaSolicitanteId" UUID NOT NULL,
    "tipo" "TipoEncuesta" NOT NULL,
    "canal" "CanalEncuesta" NOT NULL,
    "nombre" TEXT NOT NULL,
    "necesidad" TEXT NOT NULL,
    "objetivos" TEXT,
    "estrategia" TEXT,
    "planAccion" TEXT,
    "auditorio" TEXT,
    "tamanoMuestra" INTEGER,
    "preguntas" JSONB,
    "inicio" TIMESTAMP(3),
    "diasVigencia" INTEGER NOT NULL DEFAULT 14,
    "semillaMuestra" TEXT,
    "lanzadaAt" TIMESTAMP(3),
    "reportadaAt" TIMESTAMP(3),
    "analisis" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Encuesta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MuestraEncuesta" (
    "id" UUID NOT NULL,
    "encuestaId" UUID NOT NULL,
    "orden" INTEGER NOT NULL,
    "nombre" TEXT NOT NULL,
    "correo" TEXT,
    "ticketId" UUID,
    "tokenHash" TEXT,
    "venceAt" TIMESTAMP(3),
    "enviadoAt" TIMESTAMP(3),
    "respondidaAt" TIMESTAMP(3),
    "canalRespuesta" "CanalEncuesta",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MuestraEncuesta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RespuestaEncuesta" (
    "id" UUID NOT NULL,
    "muestraId" UUID NOT NULL,
    "pregunta" INTEGER NOT NULL,
    "valor" INTEGER,
    "texto" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RespuestaEncuesta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Encuesta_unitId_estado_idx" ON "Encuesta"("unitId", "estado");

-- CreateIndex
CREATE INDEX "Encuesta_tipo_estado_idx" ON "Encuesta"("tipo", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "MuestraEncuesta_tokenHash_key" ON "MuestraEncuesta"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "MuestraEncuesta_encuestaId_orden_key" ON "MuestraEncuesta"("encuestaId", "orden");

-- CreateIndex
CREATE UNIQUE INDEX "RespuestaEncuesta_muestraId_pregunta_key" ON "RespuestaEncuesta"("muestraId", "pregunta");

-- AddForeignKey
ALTER TABLE "Encuesta" ADD CONSTRAINT "Encuesta_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encuesta" ADD CONSTRAINT "Encuesta_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encuesta" ADD CONSTRAINT "Encuesta_areaSolicitanteId_fkey" FOREIGN KEY ("areaSolicitanteId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MuestraEncuesta" ADD CONSTRAINT "MuestraEncuesta_encuestaId_fkey" FOREIGN KEY ("encuestaId") REFERENCES "Encuesta"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RespuestaEncuesta" ADD CONSTRAINT "RespuestaEncuesta_muestraId_fkey" FOREIGN KEY ("muestraId") REFERENCES "MuestraEncuesta"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

