import type { Locale } from '../domain/member';
import type { Logger } from '../logger';
import type { UseCaseDeps } from '../use-cases/deps';
import type { HomeRefresher } from './home-refresher';

/** What the Slack listeners need beyond the use-cases: a logger and defaults for new members. */
export interface SlackDeps extends UseCaseDeps {
  readonly logger: Logger;
  readonly homeRefresher: HomeRefresher;
  readonly defaults: { readonly timeZone: string; readonly locale: Locale };
}
