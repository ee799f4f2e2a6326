-- CreateIndex
CREATE INDEX "Alumno_generacion_id_idx" ON "Alumno"("generacion", "id");

-- CreateIndex
CREATE INDEX "Alumno_primerApellido_id_idx" ON "Alumno"("primerApellido", "id");

-- CreateIndex
CREATE INDEX "Certificado_createdAt_id_idx" ON "Certificado"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Certificado_estado_id_idx" ON "Certificado"("estado", "id");

