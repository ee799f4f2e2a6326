-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgUnitKind" AS ENUM ('SISTEMA', 'OFICINAS_NACIONALES', 'DIRECCION_NACIONAL', 'COORDINACION_NACIONAL', 'COLEGIO_ESTATAL', 'UODCDMX', 'RCEO', 'AREA_ESTATAL', 'PLANTEL', 'AREA_PLANTEL', 'CAST', 'CONOCER', 'AREA_CONOCER', 'SOCIO_EXTERNO');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMINISTRADOR_PLATAFORMA', 'DSTC', 'CST', 'CSC', 'DCAJ', 'DVS', 'DCTA', 'DAF', 'COSFAC', 'DIRECTOR_GENERAL_NACIONAL', 'CAST', 'DIRECTOR_GENERAL_ESTATAL', 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', 'PSICOPEDAGOGIA', 'TITULAR_CAPACITACION_CERTIFICACION_CAST', 'COORDINADOR_ECE', 'COORDINADOR_PROMOCION_ECE', 'DIRECTOR_PLANTEL', 'TITULAR_DIRECCION_CENTRO_EVALUACION', 'COORDINADOR_CENTRO_EVALUACION', 'SERVICIOS_ESCOLARES_PLANTEL', 'CONOCER_DIRECCION_VINCULACION', 'CONOCER_RESPONSABLE_CANALES', 'CONOCER_OPERADOR_CONTACTO', 'CONOCER_ESPECIALISTA', 'SPDI_DPP');

-- CreateEnum
CREATE TYPE "EstadoNormativo" AS ENUM ('NECESIDAD_IDENTIFICADA', 'SOLICITADO_A_CST', 'EN_COMENTARIOS_CAST', 'EN_ELABORACION', 'EN_REVISION_DSTC', 'EN_REVISION_DCAJ', 'APROBADO_REGISTRADO', 'REMITIDO_A_CAST', 'CERRADO');

-- CreateEnum
CREATE TYPE "FinDestinatario" AS ENUM ('COMENTARIOS', 'APLICACION');

-- CreateEnum
CREATE TYPE "TipoEvidencia" AS ENUM ('MINUTA', 'CAPTURA_PANTALLA', 'LISTA_ASISTENCIA');

-- CreateEnum
CREATE TYPE "ModalidadReunion" AS ENUM ('VIRTUAL', 'PRESENCIAL');

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrgUnitKind" NOT NULL,
    "parentId" UUID,
    "path" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "passwordHash" TEXT,
    "externalSubject" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" UUID NOT NULL,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowTransition" (
    "id" UUID NOT NULL,
    "workflow" TEXT NOT NULL,
    "recordId" UUID NOT NULL,
    "transition" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "actorId" UUID NOT NULL,
    "actorRole" "Role" NOT NULL,
    "actorUnitId" UUID NOT NULL,
    "comment" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProyectoNormativo" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "titulo" TEXT NOT NULL,
    "necesidad" TEXT NOT NULL,
    "documentoUrl" TEXT,
    "numeroRegistro" TEXT,
    "estado" "EstadoNormativo" NOT NULL DEFAULT 'NECESIDAD_IDENTIFICADA',
    "version" INTEGER NOT NULL DEFAULT 0,
    "fechaReunion" TIMESTAMP(3),
    "modalidadReunion" "ModalidadReunion",
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProyectoNormativo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProyectoNormativoDestinatario" (
    "proyectoId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fin" "FinDestinatario" NOT NULL,

    CONSTRAINT "ProyectoNormativoDestinatario_pkey" PRIMARY KEY ("proyectoId","unitId","fin")
);

-- CreateTable
CREATE TABLE "EvidenciaReunion" (
    "id" UUID NOT NULL,
    "proyectoId" UUID NOT NULL,
    "tipo" "TipoEvidencia" NOT NULL,
    "descripcion" TEXT NOT NULL,
    "url" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenciaReunion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_code_key" ON "OrgUnit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_path_key" ON "OrgUnit"("path");

-- CreateIndex
CREATE INDEX "OrgUnit_parentId_idx" ON "OrgUnit"("parentId");

-- CreateIndex
CREATE INDEX "OrgUnit_path_idx" ON "OrgUnit"("path" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_externalSubject_key" ON "Person"("externalSubject");

-- CreateIndex
CREATE INDEX "RoleAssignment_unitId_idx" ON "RoleAssignment"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_personId_role_unitId_key" ON "RoleAssignment"("personId", "role", "unitId");

-- CreateIndex
CREATE INDEX "WorkflowTransition_workflow_recordId_at_idx" ON "WorkflowTransition"("workflow", "recordId", "at");

-- CreateIndex
CREATE INDEX "ProyectoNormativo_unitId_estado_idx" ON "ProyectoNormativo"("unitId", "estado");

-- CreateIndex
CREATE INDEX "ProyectoNormativoDestinatario_unitId_idx" ON "ProyectoNormativoDestinatario"("unitId");

-- CreateIndex
CREATE INDEX "EvidenciaReunion_proyectoId_idx" ON "EvidenciaReunion"("proyectoId");

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrgUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowTransition" ADD CONSTRAINT "WorkflowTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowTransition" ADD CONSTRAINT "WorkflowTransition_actorUnitId_fkey" FOREIGN KEY ("actorUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProyectoNormativo" ADD CONSTRAINT "ProyectoNormativo_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProyectoNormativo" ADD CONSTRAINT "ProyectoNormativo_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProyectoNormativoDestinatario" ADD CONSTRAINT "ProyectoNormativoDestinatario_proyectoId_fkey" FOREIGN KEY ("proyectoId") REFERENCES "ProyectoNormativo"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProyectoNormativoDestinatario" ADD CONSTRAINT "ProyectoNormativoDestinatario_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenciaReunion" ADD CONSTRAINT "EvidenciaReunion_proyectoId_fkey" FOREIGN KEY ("proyectoId") REFERENCES "ProyectoNormativo"("id") ON DELETE CASCADE ON UPDATE CASCADE;

