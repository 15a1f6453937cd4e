import { packageBuild } from '../../scripts/package-build';

export default packageBuild({ index: 'src/index.ts', testing: 'src/testing/index.ts' });
