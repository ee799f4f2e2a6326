// Documentation generated from code is committed as generated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from '../src/lib/docs.js';

describe('generated documentation', () => {
  for (const [file, content] of Object.entries(generatedDocs())) {
    it(`${file} is current (run \`npm run docs:print\` when this fails)`, () => {
      expect(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')).toBe(content);
    });
  }
});
