import { boot, die } from './boot';
import { startWeb } from './start-web';

// The Procfile's web process. Migrations are the release step's job here, not start-up's.
boot()
  .then(startWeb)
  .catch((error) => die(undefined, 'Web start-up failed', error));
