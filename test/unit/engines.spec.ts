import { readFileSync } from 'node:fs';
import semver from 'semver';

interface LockedPackage {
  readonly version?: string;
  readonly engines?: { readonly node?: string } | string[];
}

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));

/** A fresh `npm install` warns (EBADENGINE) when a package needs a Node the project says it need not. */
describe('package.json engines', () => {
  const ours: string = read('package.json').engines.node;
  const locked = Object.entries(read('package-lock.json').packages as Record<string, LockedPackage>);
  const declared = locked.flatMap(([path, info]) => {
    const node = Array.isArray(info.engines) ? undefined : info.engines?.node;
    return path && node ? [[path.replace(/^.*node_modules\//, ''), node] as const] : [];
  });

  it('admits only Node versions every locked package declares it supports', () => {
    const disagreeing = declared.filter(([, node]) => !semver.subset(ours, node, { includePrerelease: false }));
    console.log(`engines ${ours}: checked against ${declared.length} packages that declare a Node range`);
    expect(disagreeing).toEqual([]);
  });
});
