// The explorer alone teaches a screen's data: every type and field of the
// schema has a description, the module's own or one by convention
// (src/lib/schema-descriptions.ts). If this fails, describe the named fields
// in their module (or add a shared name to the glossary).
import { isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../src/schema.js';

describe('schema descriptions', () => {
  const schema = buildSchema();

  it('describe every type and field', () => {
    const bare: string[] = [];
    let fields = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!type.description?.trim()) bare.push(type.name);
      if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
        for (const [name, field] of Object.entries(type.getFields())) {
          fields++;
          if (!(field as { description?: string | null }).description?.trim()) bare.push(`${type.name}.${name}`);
        }
      }
    }
    expect(fields).toBeGreaterThan(500);
    expect(bare).toEqual([]);
  });

  it('keep what a module wrote, and describe the plumbing by convention', () => {
    const input = schema.getType('CreateProyectoNormativoInput');
    expect(isInputObjectType(input) && input.getFields().necesidad.description).toBe('Why the normativa must be modified or updated.');
    const connection = schema.getType('ProyectoNormativoConnection');
    expect(connection?.description).toMatch(/^A page of ProyectoNormativo records/);
    const step = schema.getType('ProyectoNormativoStepInput');
    expect(step?.description).toMatch(/^Input of `\w+`(, `\w+`)*\.$/);
  });
});
