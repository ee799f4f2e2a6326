-- CreateEnum
CREATE TYPE "CanalTicket" AS ENUM ('TELEFONO', 'CORREO');

-- CreateEnum
CREATE TYPE "EstadoTicket" AS ENUM ('ABIERTO', 'CANALIZADO', 'ATENDIDO');

-- CreateEnum
CREATE TYPE "TipoSolicitudContacto" AS ENUM ('INFORMACION', 'SOPORTE_CAPACITACION', 'ACLARACION', 'QUEJA', 'OTRO');

-- CreateEnum
CREATE TYPE "TemaContacto" AS ENUM ('CONOCER_SNC', 'PASOS_CERTIFICACION', 'COMITES_GESTION', 'REGISTROS_NACIONALES', 'SISTEMA_ACREDITACION', 'CENTRO_VIRTUAL', 'RED_PRESTADORES', 'QUEJAS_SUGERENCIAS_OTROS');

-- CreateEnum
CREATE TYPE "MedioConocimiento" AS ENUM ('INTERNET', 'AMISTAD', 'CERTIFICACION', 'LICITACION', 'CORREO_ELECTRONICO', 'OTRO');

-- CreateEnum
CREATE TYPE "PercepcionPortal" AS ENUM ('MUY_AMIGABLE', 'AMIGABLE', 'POCO_AMIGABLE');

-- CreateEnum
CREATE TYPE "OcupacionContacto" AS ENUM ('ALTO_EJECUTIVO_PRIVADO', 'ALTO_EJECUTIVO_PUBLICO', 'EMPLEADO_PRIVADO', 'EMPLEADO_PUBLICO', 'DUENO_NEGOCIO', 'ESTUDIANTE', 'DESEMPLEADO', 'PROFESIONISTA_INDEPENDIENTE', 'OTRA');

-- CreateEnum
CREATE TYPE "EscolaridadContacto" AS ENUM ('SECUNDARIA', 'PREPARATORIA', 'TECNICA_COMERCIAL', 'LICENCIATURA', 'MAESTRIA_DOCTORADO');

-- CreateEnum
CREATE TYPE "SexoContacto" AS ENUM ('MUJER', 'HOMBRE', 'NO_ESPECIFICADO');

-- CreateEnum
CREATE TYPE "TipoAnalisisContacto" AS ENUM ('MENSUAL', 'TRIMESTRAL');

-- CreateEnum
CREATE TYPE "EstadoAnalisisContacto" AS ENUM ('EN_ELABORACION', 'ENVIADO', 'RECIBIDO');

-- CreateEnum
CREATE TYPE "EstadoInformeResultadosContacto" AS ENUM ('ELABORADO', 'PRESENTADO', 'CERRADO');

-- CreateTable
CREATE TABLE "Ticket" (
    "id" UUID NOT NULL,
    "folio" SERIAL NOT NULL,
    "canal" "CanalTicket" NOT NULL,
    "estado" "EstadoTicket" NOT NULL DEFAULT 'ABIERTO',
    "version" INTEGER NOT NULL DEFAULT 0,
    "unitId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "operadorId" UUID,
    "nombre" TEXT NOT NULL,
    "edad" INTEGER,
    "sexo" "SexoContacto",
    "localidad" TEXT,
    "entidadFederativa" TEXT,
    "ocupacion" "OcupacionContacto",
    "escolaridad" "EscolaridadContacto",
    "correo" TEXT,
    "tipoSolicitud" "TipoSolicitudContacto",
    "tema" "TemaContacto",
    "medio" "MedioConocimiento",
    "percepcionPortal" "PercepcionPortal",
    "estandarSolicitado" TEXT,
    "asunto" TEXT,
    "pregunta" TEXT NOT NULL,
    "respuesta" TEXT,
    "especialistaContacto" TEXT,
    "duracionSegundos" INTEGER,
    "recibidoAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "primeraRespuestaAt" TIMESTAMP(3),
    "atendidoAt" TIMESTAMP(3),
    "venceAt" TIMESTAMP(3),
    "vencidoAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MensajeTicket" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "entrante" BOOLEAN NOT NULL,
    "messageId" TEXT NOT NULL,
    "inReplyTo" TEXT,
    "de" TEXT NOT NULL,
    "para" TEXT NOT NULL,
    "asunto" TEXT NOT NULL,
    "texto" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MensajeTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApoyoTicket" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "texto" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApoyoTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorreoCuarentena" (
    "id" UUID NOT NULL,
    "remitente" TEXT,
    "motivo" TEXT NOT NULL,
    "crudo" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CorreoCuarentena_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CierreConocer" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fecha" DATE NOT NULL,
    "motivo" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CierreConocer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvisoVencimiento" (
    "ticketId" UUID NOT NULL,
    "destinatarios" TEXT[],
    "enviadoAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AvisoVencimiento_pkey" PRIMARY KEY ("ticketId")
);

-- CreateTable
CREATE TABLE "AnalisisContacto" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "tipo" "TipoAnalisisContacto" NOT NULL,
    "periodo" TEXT NOT NULL,
    "desde" DATE NOT NULL,
    "hasta" DATE NOT NULL,
    "reporteRecibidoAt" TIMESTAMP(3) NOT NULL,
    "venceAt" TIMESTAMP(3) NOT NULL,
    "semillaSorteo" TEXT NOT NULL,
    "comentarios" TEXT,
    "estandaresSolicitados" TEXT[],
    "enviadoAt" TIMESTAMP(3),
    "recibidoAt" TIMESTAMP(3),
    "estado" "EstadoAnalisisContacto" NOT NULL DEFAULT 'EN_ELABORACION',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalisisContacto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditoriaAudio" (
    "id" UUID NOT NULL,
    "analisisContactoId" UUID NOT NULL,
    "orden" INTEGER NOT NULL,
    "ticketId" UUID NOT NULL,
    "comentarios" TEXT,

    CONSTRAINT "AuditoriaAudio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformeResultadosContacto" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "analisisContactoId" UUID NOT NULL,
    "resultados" TEXT NOT NULL,
    "brechas" TEXT NOT NULL,
    "areasOportunidad" TEXT NOT NULL,
    "instrucciones" TEXT,
    "seguimiento" TEXT,
    "venceAt" TIMESTAMP(3) NOT NULL,
    "presentadoAt" TIMESTAMP(3),
    "cerradoAt" TIMESTAMP(3),
    "estado" "EstadoInformeResultadosContacto" NOT NULL DEFAULT 'ELABORADO',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InformeResultadosContacto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_folio_key" ON "Ticket"("folio");

-- CreateIndex
CREATE INDEX "Ticket_unitId_estado_idx" ON "Ticket"("unitId", "estado");

-- CreateIndex
CREATE INDEX "Ticket_recibidoAt_idx" ON "Ticket"("recibidoAt");

-- CreateIndex
CREATE INDEX "Ticket_estado_venceAt_idx" ON "Ticket"("estado", "venceAt");

-- CreateIndex
CREATE INDEX "Ticket_operadorId_recibidoAt_idx" ON "Ticket"("operadorId", "recibidoAt");

-- CreateIndex
CREATE UNIQUE INDEX "MensajeTicket_messageId_key" ON "MensajeTicket"("messageId");

-- CreateIndex
CREATE INDEX "MensajeTicket_ticketId_createdAt_idx" ON "MensajeTicket"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "ApoyoTicket_ticketId_createdAt_idx" ON "ApoyoTicket"("ticketId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CierreConocer_fecha_key" ON "CierreConocer"("fecha");

-- CreateIndex
CREATE INDEX "AnalisisContacto_unitId_estado_idx" ON "AnalisisContacto"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "AnalisisContacto_unitId_tipo_periodo_key" ON "AnalisisContacto"("unitId", "tipo", "periodo");

-- CreateIndex
CREATE UNIQUE INDEX "AuditoriaAudio_analisisContactoId_orden_key" ON "AuditoriaAudio"("analisisContactoId", "orden");

-- CreateIndex
CREATE UNIQUE INDEX "AuditoriaAudio_analisisContactoId_ticketId_key" ON "AuditoriaAudio"("analisisContactoId", "ticketId");

-- CreateIndex
CREATE INDEX "InformeResultadosContacto_unitId_estado_idx" ON "InformeResultadosContacto"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "InformeResultadosContacto_analisisContactoId_key" ON "InformeResultadosContacto"("analisisContactoId");

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_operadorId_fkey" FOREIGN KEY ("operadorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MensajeTicket" ADD CONSTRAINT "MensajeTicket_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApoyoTicket" ADD CONSTRAINT "ApoyoTicket_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApoyoTicket" ADD CONSTRAINT "ApoyoTicket_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CierreConocer" ADD CONSTRAINT "CierreConocer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CierreConocer" ADD CONSTRAINT "CierreConocer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalisisContacto" ADD CONSTRAINT "AnalisisContacto_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalisisContacto" ADD CONSTRAINT "AnalisisContacto_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditoriaAudio" ADD CONSTRAINT "AuditoriaAudio_analisisContactoId_fkey" FOREIGN KEY ("analisisContactoId") REFERENCES "AnalisisContacto"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditoriaAudio" ADD CONSTRAINT "AuditoriaAudio_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformeResultadosContacto" ADD CONSTRAINT "InformeResultadosContacto_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformeResultadosContacto" ADD CONSTRAINT "InformeResultadosContacto_analisisContactoId_fkey" FOREIGN KEY ("analisisContactoId") REFERENCES "AnalisisContacto"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformeResultadosContacto" ADD CONSTRAINT "InformeResultadosContacto_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

