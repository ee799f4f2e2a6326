-- SPDI-DPP, an outside partner, hangs under the internal unit that deals with it (the CSC sends it the
-- national goals for the MIR), like every outside organisation (src/lib/org/tree.ts): the platform
-- administrators of CONALEP then reach it and can issue its API key. Databases seeded before this had it
-- as a root. Data only, and nothing happens where either unit is missing or SPDI-DPP already has a parent.
UPDATE "OrgUnit" s
SET "parentId" = c.id, path = c.path || s.id::text || '/'
FROM "OrgUnit" c
WHERE s.code = 'SPDI-DPP' AND s."parentId" IS NULL AND s.kind = 'SOCIO_EXTERNO' AND c.code = 'CSC';
