import { packageBuild } from '@mgp/build-config/tsup';

export default packageBuild();
