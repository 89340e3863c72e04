import type { App } from '@slack/bolt';
import { claimEvent } from '../../db/processed-event.repository';
import type { SlackDeps } from '../slack-deps';

/**
 * Slack retries an event it thinks failed (X-Slack-Retry-Num, same event_id); only the first
 * delivery of an event id reaches the listeners, whichever web process receives it.
 */
export function registerDedupe(app: App, deps: SlackDeps): void {
  app.use(async ({ body, next }) => {
    const eventId = (body as { type?: string; event_id?: string }).type === 'event_callback' ? (body as { event_id?: string }).event_id : undefined;
    if (eventId && !(await claimEvent(deps.db, 'slack', eventId))) {
      deps.logger.debug({ eventId }, 'duplicate slack event ignored');
      return;
    }
    await next();
  });
}
