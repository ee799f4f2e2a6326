-- CreateIndex
CREATE INDEX "Alumno_generacion_id_idx" ON "Alumno"("generacion", "id");

-- CreateIndex
CREATE INDEX "Alumno_primerApellido_id_idx" ON "Alumno"("primerApellido", "id");

-- CreateIndex
CREATE INDEX "Certificado_createdAt_id_idx" ON "Certificado"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Certificado_estado_id_idx" ON "Certificado"("estado", "id");


-- CreateIndex
CREATE INDEX "Folio_loteId_numero_idx" ON "Folio"("loteId", "numero");
