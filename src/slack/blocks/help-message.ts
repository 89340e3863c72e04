import { renderHelp } from '../../render/text/help-text';
import { sections } from './block-builders';
import { bold, esc } from './goal-lines';
import type { Reply, ReplyKit } from './reply';

/**
 * `/okr help [topic]`: the plain-text help, its first line bold. Usage lines contain `<value>`
 * and `<key>`, which Slack would read as links, so every line is escaped.
 */
export function helpReply(topic: string | undefined, kit: ReplyKit): Reply {
  const [first = '', ...rest] = renderHelp(topic, kit.ctx).split('\n');
  return { text: esc(first), blocks: sections([bold(first), ...rest.map(esc)]) };
}
