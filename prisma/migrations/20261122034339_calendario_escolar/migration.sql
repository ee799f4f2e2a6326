-- CreateTable
CREATE TABLE "CorteCalendario" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "periodo" TEXT NOT NULL,
    "corte" INTEGER NOT NULL,
    "inicio" DATE NOT NULL,
    "fin" DATE NOT NULL,

    CONSTRAINT "CorteCalendario_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CorteCalendario_unitId_periodo_corte_key" ON "CorteCalendario"("unitId", "periodo", "corte");

-- AddForeignKey
ALTER TABLE "CorteCalendario" ADD CONSTRAINT "CorteCalendario_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

