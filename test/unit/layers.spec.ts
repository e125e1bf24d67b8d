import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { layerProblems } from '../../tools/check-layers.mjs';

/** A throwaway src/ tree: path → source. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

describe('the folders of src/', () => {
  it('import downward only, each through the front door of the other', () => {
    expect(layerProblems('src')).toEqual([]);
  });

  describe('the check', () => {
    let root: string;
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('refuses a low folder importing a higher one', () => {
      root = tree({
        'kernel/index.ts': "export { x } from '../live-blog/index.js';",
        'live-blog/index.ts': 'export const x = 1;',
      });
      expect(layerProblems(root)).toEqual([expect.stringContaining('kernel may not import live-blog')]);
    });

    it('refuses a deep import past a front door', () => {
      root = tree({
        'kernel/errors.ts': 'export const e = 1;',
        'kernel/index.ts': "export { e } from './errors.js';",
        'live-blog/decide.ts': "import { e } from '../kernel/errors.js';",
      });
      expect(layerProblems(root)).toEqual([expect.stringContaining('through its front door, kernel/index.js')]);
    });

    it('refuses a folder the order does not name, and a cycle through one', () => {
      root = tree({
        'kernel/index.ts': 'export const k = 1;',
        'gadgets/index.ts': "import { k } from '../kernel/index.js';",
      });
      expect(layerProblems(root)).toEqual([expect.stringContaining('"gadgets" is not in the layer order')]);
    });

    it('accepts imports within a folder and down through front doors', () => {
      root = tree({
        'kernel/index.ts': "export { k } from './k.js';",
        'kernel/k.ts': 'export const k = 1;',
        'live-blog/domain/decide.ts': "import { k } from '../../kernel/index.js';\nimport { d } from './d.js';",
        'live-blog/domain/d.ts': 'export const d = 1;',
      });
      expect(layerProblems(root)).toEqual([]);
    });
  });
});
