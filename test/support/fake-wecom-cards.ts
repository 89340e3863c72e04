import { record, str } from './fake-wecom-state';

// template_card checks the fake enforces (platform-facts B5, from the message/send field table as
// copied in zsmhub/workweixin `apis/发送应用消息-模板卡片消息.go`). WeCom refuses such a card; the
// exact errcode per rule is not documented, so the fake answers 40058 (不合法的参数).

export const INTERACTIVE_CARD_TYPES = new Set(['button_interaction', 'vote_interaction', 'multiple_interaction']);
const CARD_TYPES = new Set(['text_notice', 'news_notice', ...INTERACTIVE_CARD_TYPES]);
const TASK_ID = /^[0-9a-zA-Z_\-@]+$/;

export interface CardProblem {
  rule: string;
  detail: string;
}

/** The first rule the card breaks, or null. `usedTaskIds` enforces "task_id 同一个应用任务id不能重复". */
export function checkTemplateCard(card: Record<string, unknown>, usedTaskIds: ReadonlySet<string>): CardProblem | null {
  const cardType = str(card.card_type);
  if (!CARD_TYPES.has(cardType)) return { rule: 'card_type', detail: `unknown card_type "${cardType}"` };
  const taskId = card.task_id;
  const needsTaskId = INTERACTIVE_CARD_TYPES.has(cardType) || card.action_menu !== undefined;
  if (taskId === undefined) return needsTaskId ? { rule: 'task_id', detail: `${cardType} needs a task_id` } : null;
  const problem = checkTaskId(str(taskId), usedTaskIds);
  if (problem) return problem;
  if (cardType === 'button_interaction') return checkButtons(card);
  return null;
}

function checkTaskId(taskId: string, used: ReadonlySet<string>): CardProblem | null {
  if (Buffer.byteLength(taskId, 'utf8') > 128) return { rule: 'task_id', detail: 'task_id is over 128 bytes' };
  if (!TASK_ID.test(taskId)) return { rule: 'task_id', detail: `task_id "${taskId}" has characters outside [0-9a-zA-Z_-@]` };
  if (used.has(taskId)) return { rule: 'task_id', detail: `task_id "${taskId}" was already used by this app` };
  return null;
}

function checkButtons(card: Record<string, unknown>): CardProblem | null {
  const buttons = Array.isArray(card.button_list) ? card.button_list : [];
  if (buttons.length === 0) return { rule: 'button_list', detail: 'button_interaction needs button_list' };
  if (buttons.length > 6) return { rule: 'button_list', detail: `${buttons.length} buttons (at most 6)` };
  const keys = new Set<string>();
  for (const button of buttons) {
    const key = str(record(button)?.key);
    if (key === '') return { rule: 'button.key', detail: 'a button has no key' };
    if (Buffer.byteLength(key, 'utf8') > 1024) return { rule: 'button.key', detail: 'a button key is over 1,024 bytes' };
    if (keys.has(key)) return { rule: 'button.key', detail: `button key "${key}" is used twice` };
    keys.add(key);
  }
  const selection = record(card.button_selection);
  const options = Array.isArray(selection?.option_list) ? selection.option_list : [];
  if (selection && options.length > 10) return { rule: 'button_selection', detail: `${options.length} options (at most 10)` };
  return null;
}
