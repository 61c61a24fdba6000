import fs from 'fs';
import path from 'path';
import {
  GENERATED_DIR,
  generateServerFiles,
  SPEC_FILE,
} from '../__testUtils__/generateServer';

jest.setTimeout(60_000);

describe('src/schema/openapi/generated', () => {
  it('is what yarn generate:openapi makes of openapi.yaml (run it after editing the spec)', () => {
    const files = generateServerFiles(fs.readFileSync(SPEC_FILE, 'utf8'));
    expect(Object.keys(files).sort()).toEqual(
      fs.readdirSync(GENERATED_DIR).sort(),
    );
    for (const [name, text] of Object.entries(files)) {
      expect([
        name,
        fs.readFileSync(path.join(GENERATED_DIR, name), 'utf8') === text,
      ]).toEqual([name, true]);
    }
  });
});
