/** The unit tier: pure domain, folds, parsers, verifiers and the layer check; no server, no build. */
import base from './jest.config.js';

const { globalSetup: _build, ...withoutBuild } = base;

export default { ...withoutBuild, roots: ['<rootDir>/test/unit'] };
