-- CreateEnum
CREATE TYPE "LineaServicio" AS ENUM ('SERVICIOS_TECNOLOGICOS', 'CAPACITACION');

-- CreateEnum
CREATE TYPE "IndicadorMeta" AS ENUM ('SERVICIOS_PROPORCIONADOS', 'FIRMAS_ATENDIDAS', 'USUARIOS_ATENDIDOS', 'INGRESOS_SERVICIOS', 'CURSOS_IMPARTIDOS', 'PERSONAS_CAPACITADAS', 'EMPRESAS_ATENDIDAS', 'INGRESOS_CAPACITACION');

-- CreateEnum
CREATE TYPE "EstadoProgramaMetas" AS ENUM ('SOLICITADO', 'ENVIADO', 'EN_CORRECCION', 'APROBADO');

-- CreateEnum
CREATE TYPE "EstadoRegistroResultados" AS ENUM ('EN_CAPTURA', 'ENVIADO', 'EN_CORRECCION', 'VALIDADO');

-- CreateEnum
CREATE TYPE "EstadoProgramaNacionalCapacitacion" AS ENUM ('EN_INTEGRACION', 'ENVIADO', 'EN_AJUSTE');

-- CreateEnum
CREATE TYPE "EstadoCursoCatalogo" AS ENUM ('PROPUESTO', 'REGISTRADO', 'PUBLICADO');

-- AlterEnum
ALTER TYPE "FinDestinatario" ADD VALUE 'MIR';

-- CreateTable
CREATE TABLE "ProgramaMetas" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "linea" "LineaServicio" NOT NULL,
    "anio" INTEGER NOT NULL,
    "fechaLimite" TIMESTAMP(3),
    "criterios" TEXT,
    "diagnostico" TEXT,
    "programaTrabajo" TEXT,
    "aprobadoAt" TIMESTAMP(3),
    "reprogramaciones" INTEGER NOT NULL DEFAULT 0,
    "estado" "EstadoProgramaMetas" NOT NULL DEFAULT 'SOLICITADO',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgramaMetas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetaIndicador" (
    "id" UUID NOT NULL,
    "programaId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "indicador" "IndicadorMeta" NOT NULL,
    "trimestre" INTEGER NOT NULL,
    "valor" INTEGER NOT NULL,
    "valorAprobado" INTEGER,
    "valorProgramado" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MetaIndicador_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VersionMetaIndicador" (
    "id" UUID NOT NULL,
    "metaIndicadorId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "valor" INTEGER NOT NULL,
    "motivo" TEXT,
    "reprogramacion" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VersionMetaIndicador_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistroResultados" (
    "id" UUID NOT NULL,
    "programaId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "linea" "LineaServicio" NOT NULL,
    "anio" INTEGER NOT NULL,
    "trimestre" INTEGER NOT NULL,
    "validadoAt" TIMESTAMP(3),
    "estado" "EstadoRegistroResultados" NOT NULL DEFAULT 'EN_CAPTURA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegistroResultados_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultadoIndicador" (
    "id" UUID NOT NULL,
    "registroId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "indicador" "IndicadorMeta" NOT NULL,
    "mes" INTEGER NOT NULL,
    "valor" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResultadoIndicador_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramaNacionalCapacitacion" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "anio" INTEGER NOT NULL,
    "puntosControl" TEXT NOT NULL,
    "programaTrabajo" TEXT,
    "envios" INTEGER NOT NULL DEFAULT 0,
    "enviadoAt" TIMESTAMP(3),
    "estado" "EstadoProgramaNacionalCapacitacion" NOT NULL DEFAULT 'EN_INTEGRACION',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgramaNacionalCapacitacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetaNacional" (
    "id" UUID NOT NULL,
    "programaId" UUID NOT NULL,
    "envio" INTEGER NOT NULL,
    "indicador" "IndicadorMeta" NOT NULL,
    "trimestre" INTEGER NOT NULL,
    "valor" BIGINT NOT NULL,

    CONSTRAINT "MetaNacional_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramaNacionalCapacitacionDestinatario" (
    "programaId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fin" "FinDestinatario" NOT NULL,

    CONSTRAINT "ProgramaNacionalCapacitacionDestinatario_pkey" PRIMARY KEY ("programaId","unitId","fin")
);

-- CreateTable
CREATE TABLE "CursoCatalogo" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "nombre" TEXT NOT NULL,
    "descripcion" TEXT NOT NULL,
    "duracionHoras" INTEGER NOT NULL,
    "claveSecyt" TEXT,
    "publicadoAt" TIMESTAMP(3),
    "estado" "EstadoCursoCatalogo" NOT NULL DEFAULT 'PROPUESTO',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CursoCatalogo_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProgramaMetas_unitId_estado_idx" ON "ProgramaMetas"("unitId", "estado");

-- CreateIndex
CREATE INDEX "ProgramaMetas_anio_linea_estado_idx" ON "ProgramaMetas"("anio", "linea", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramaMetas_unitId_anio_linea_key" ON "ProgramaMetas"("unitId", "anio", "linea");

-- CreateIndex
CREATE INDEX "MetaIndicador_unitId_indicador_trimestre_idx" ON "MetaIndicador"("unitId", "indicador", "trimestre");

-- CreateIndex
CREATE UNIQUE INDEX "MetaIndicador_programaId_unitId_indicador_trimestre_key" ON "MetaIndicador"("programaId", "unitId", "indicador", "trimestre");

-- CreateIndex
CREATE UNIQUE INDEX "VersionMetaIndicador_metaIndicadorId_version_key" ON "VersionMetaIndicador"("metaIndicadorId", "version");

-- CreateIndex
CREATE INDEX "RegistroResultados_unitId_estado_idx" ON "RegistroResultados"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "RegistroResultados_programaId_trimestre_key" ON "RegistroResultados"("programaId", "trimestre");

-- CreateIndex
CREATE INDEX "ResultadoIndicador_unitId_indicador_mes_idx" ON "ResultadoIndicador"("unitId", "indicador", "mes");

-- CreateIndex
CREATE UNIQUE INDEX "ResultadoIndicador_registroId_unitId_indicador_mes_key" ON "ResultadoIndicador"("registroId", "unitId", "indicador", "mes");

-- CreateIndex
CREATE INDEX "ProgramaNacionalCapacitacion_unitId_estado_idx" ON "ProgramaNacionalCapacitacion"("unitId", "estado");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramaNacionalCapacitacion_anio_key" ON "ProgramaNacionalCapacitacion"("anio");

-- CreateIndex
CREATE UNIQUE INDEX "MetaNacional_programaId_envio_indicador_trimestre_key" ON "MetaNacional"("programaId", "envio", "indicador", "trimestre");

-- CreateIndex
CREATE INDEX "ProgramaNacionalCapacitacionDestinatario_unitId_idx" ON "ProgramaNacionalCapacitacionDestinatario"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "CursoCatalogo_claveSecyt_key" ON "CursoCatalogo"("claveSecyt");

-- CreateIndex
CREATE INDEX "CursoCatalogo_unitId_estado_idx" ON "CursoCatalogo"("unitId", "estado");

-- CreateIndex
CREATE INDEX "CursoCatalogo_estado_idx" ON "CursoCatalogo"("estado");

-- AddForeignKey
ALTER TABLE "ProgramaMetas" ADD CONSTRAINT "ProgramaMetas_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramaMetas" ADD CONSTRAINT "ProgramaMetas_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetaIndicador" ADD CONSTRAINT "MetaIndicador_programaId_fkey" FOREIGN KEY ("programaId") REFERENCES "ProgramaMetas"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetaIndicador" ADD CONSTRAINT "MetaIndicador_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionMetaIndicador" ADD CONSTRAINT "VersionMetaIndicador_metaIndicadorId_fkey" FOREIGN KEY ("metaIndicadorId") REFERENCES "MetaIndicador"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionMetaIndicador" ADD CONSTRAINT "VersionMetaIndicador_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistroResultados" ADD CONSTRAINT "RegistroResultados_programaId_fkey" FOREIGN KEY ("programaId") REFERENCES "ProgramaMetas"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistroResultados" ADD CONSTRAINT "RegistroResultados_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistroResultados" ADD CONSTRAINT "RegistroResultados_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultadoIndicador" ADD CONSTRAINT "ResultadoIndicador_registroId_fkey" FOREIGN KEY ("registroId") REFERENCES "RegistroResultados"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultadoIndicador" ADD CONSTRAINT "ResultadoIndicador_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramaNacionalCapacitacion" ADD CONSTRAINT "ProgramaNacionalCapacitacion_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramaNacionalCapacitacion" ADD CONSTRAINT "ProgramaNacionalCapacitacion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetaNacional" ADD CONSTRAINT "MetaNacional_programaId_fkey" FOREIGN KEY ("programaId") REFERENCES "ProgramaNacionalCapacitacion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramaNacionalCapacitacionDestinatario" ADD CONSTRAINT "ProgramaNacionalCapacitacionDestinatario_programaId_fkey" FOREIGN KEY ("programaId") REFERENCES "ProgramaNacionalCapacitacion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramaNacionalCapacitacionDestinatario" ADD CONSTRAINT "ProgramaNacionalCapacitacionDestinatario_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CursoCatalogo" ADD CONSTRAINT "CursoCatalogo_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CursoCatalogo" ADD CONSTRAINT "CursoCatalogo_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

