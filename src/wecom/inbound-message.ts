// What a decrypted WeCom callback says, as the rest of the app sees it. Every value is the string
// from the XML, never a number: MsgId is a 64-bit integer, beyond a JS number's exact range.

export type InboundMessage =
  | { readonly kind: 'text'; readonly fromUser: string; readonly createTime: string; readonly msgId: string; readonly content: string; readonly agentId: string }
  | {
      readonly kind: 'card_event';
      readonly fromUser: string;
      readonly createTime: string;
      /** The clicked button's `key` (empty for vote/multiple-choice submits without one). */
      readonly eventKey: string;
      /** The card's `task_id`. */
      readonly taskId: string;
      /** text_notice, news_notice, button_interaction, vote_interaction, multiple_interaction. */
      readonly cardType: string;
      /** For update_template_card: usable once, within 72 h (platform-facts B5). */
      readonly responseCode: string;
      readonly agentId: string;
      readonly selected: ReadonlyArray<{ readonly questionKey: string; readonly optionIds: readonly string[] }>;
    }
  | { readonly kind: 'event'; readonly fromUser: string; readonly createTime: string; readonly event: string; readonly eventKey: string; readonly agentId: string }
  | { readonly kind: 'other'; readonly fromUser: string; readonly createTime: string; readonly msgType: string; readonly msgId: string; readonly agentId: string };

/**
 * The key WeCom retries are recognised by (platform-facts B3: "有msgid的消息推荐使用msgid排重。事件类型
 * 消息推荐使用FromUserName + CreateTime排重"): `wecom:{corpId}:{agentId}:{MsgId}` for messages,
 * `wecom:{corpId}:{agentId}:{FromUserName}:{CreateTime}:{Event}:{EventKey}:{TaskId}` for events
 * (TaskId empty for events without one). A message that arrived without a MsgId falls back to
 * `…:{FromUserName}:{CreateTime}:{MsgType}`, so it is still deduplicated and never collides with
 * another sender's.
 */
export function inboundDedupKey(corpId: string, msg: InboundMessage): string {
  const base = `wecom:${corpId}:${msg.agentId}`;
  switch (msg.kind) {
    case 'text':
      return msg.msgId !== '' ? `${base}:${msg.msgId}` : `${base}:${msg.fromUser}:${msg.createTime}:text`;
    case 'other':
      return msg.msgId !== '' ? `${base}:${msg.msgId}` : `${base}:${msg.fromUser}:${msg.createTime}:${msg.msgType}`;
    case 'card_event':
      return `${base}:${msg.fromUser}:${msg.createTime}:template_card_event:${msg.eventKey}:${msg.taskId}`;
    case 'event':
      return `${base}:${msg.fromUser}:${msg.createTime}:${msg.event}:${msg.eventKey}:`;
  }
}
