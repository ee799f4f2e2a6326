-- CreateIndex
CREATE INDEX "Alumno_unitId_matricula_id_idx" ON "Alumno"("unitId", "matricula", "id");

