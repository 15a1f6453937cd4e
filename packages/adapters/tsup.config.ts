import { packageBuild } from '../../scripts/package-build';

export default packageBuild({
  index: 'src/index.ts',
  postgres: 'src/postgres.ts',
  eventstoredb: 'src/eventstoredb.ts',
  smtp: 'src/smtp.ts',
  eml: 'src/eml.ts',
  testing: 'src/testing/index.ts',
});
