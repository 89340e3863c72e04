import { CONTENT_LIMIT_BYTES, SlidingWindows, truncateUtf8 } from './fake-wecom-limits';
import { fail, ok, record, str, type FakeAnswer, type FakeContext } from './fake-wecom-state';

// appchat/create|update|get|send (platform-facts B5 "appchat"). Errcodes are from WeCom's global
// error code table as copied in zsmhub/workweixin `apis/api_error.go`: 86001 chatid 不合法,
// 86003 chatid 不存在, 86004 群名不合法, 86006 群成员数过多或过少, 86207 群主不在群成员列表,
// 86215 会话ID已经存在, 86216 存在非法会话成员ID, 40008 不合法的msgtype参数.

const CHAT_ID = /^[0-9a-zA-Z]{1,32}$/;
/** appchat/send accepts these; template_card is not among them. */
const APPCHAT_MSGTYPES = new Set(['text', 'image', 'voice', 'video', 'file', 'textcard', 'news', 'mpnews', 'markdown']);

export interface AppChatRoutes {
  create(body: Record<string, unknown>): FakeAnswer;
  update(body: Record<string, unknown>): FakeAnswer;
  get(query: URLSearchParams): FakeAnswer;
  send(body: Record<string, unknown>): FakeAnswer;
}

export function createAppChatRoutes(ctx: FakeContext): AppChatRoutes {
  const { state } = ctx;
  // Per member at most 200 messages a minute from one app; the excess is dropped, "接口不会报错".
  const perMember = new SlidingWindows([{ windowMs: 60_000, max: 200, reason: 'appchat-member-per-minute' as const }]);

  function unknownMembers(userIds: string[]): string[] {
    const users = state.directory.users;
    if (users.length === 0) return [];
    const known = new Set(users.map((u) => u.userid));
    return userIds.filter((u) => !known.has(u));
  }

  function create(body: Record<string, unknown>): FakeAnswer {
    const chatId = body.chatid === undefined ? ctx.nextId('chat').replace(/[^0-9a-zA-Z]/g, '').slice(0, 32) : str(body.chatid);
    if (!CHAT_ID.test(chatId)) return fail(86001, 'invalid chatid: at most 32 of [0-9a-zA-Z]');
    if (state.chats.has(chatId)) return fail(86215, 'chatid already exists');
    const userIds = Array.isArray(body.userlist) ? [...new Set(body.userlist.map(str))] : [];
    if (userIds.length < 2 || userIds.length > 2_000) return fail(86006, `userlist has ${userIds.length} members (2 to 2000)`);
    const name = str(body.name);
    if ([...name].length > 50) return fail(86004, 'chat name over 50 characters');
    const owner = body.owner === undefined ? (userIds[0] ?? '') : str(body.owner);
    if (!userIds.includes(owner)) return fail(86207, 'owner is not in userlist');
    if (unknownMembers(userIds).length > 0) return fail(86216, `unknown members: ${unknownMembers(userIds).join(',')}`);
    state.chats.set(chatId, { chatId, name, owner, userIds });
    return ok({ chatid: chatId });
  }

  function update(body: Record<string, unknown>): FakeAnswer {
    const chat = state.chats.get(str(body.chatid));
    if (!chat) return fail(86003, 'chatid not found');
    const add = Array.isArray(body.add_user_list) ? body.add_user_list.map(str) : [];
    const remove = new Set(Array.isArray(body.del_user_list) ? body.del_user_list.map(str) : []);
    if (unknownMembers(add).length > 0) return fail(86216, `unknown members: ${unknownMembers(add).join(',')}`);
    const userIds = [...new Set([...chat.userIds, ...add])].filter((u) => !remove.has(u));
    if (userIds.length > 2_000) return fail(86006, 'more than 2000 members');
    const owner = body.owner === undefined ? chat.owner : str(body.owner);
    if (!userIds.includes(owner)) return fail(86207, 'owner is not in the chat');
    const name = body.name === undefined ? chat.name : str(body.name);
    if ([...name].length > 50) return fail(86004, 'chat name over 50 characters');
    state.chats.set(chat.chatId, { ...chat, name, owner, userIds });
    return ok();
  }

  function get(query: URLSearchParams): FakeAnswer {
    const chat = state.chats.get(query.get('chatid') ?? '');
    if (!chat) return fail(86003, 'chatid not found');
    return ok({ chat_info: { chatid: chat.chatId, name: chat.name, owner: chat.owner, userlist: chat.userIds, chat_type: 0 } });
  }

  function send(body: Record<string, unknown>): FakeAnswer {
    const chat = state.chats.get(str(body.chatid));
    // Only chats this app created can be sent to; the fake knows no others.
    if (!chat) return fail(86003, 'chatid not found');
    const msgtype = str(body.msgtype);
    if (!APPCHAT_MSGTYPES.has(msgtype)) {
      ctx.violation('appchat/send', 'msgtype', `appchat/send does not take "${msgtype}"`);
      return fail(40008, `invalid message type "${msgtype}"`);
    }
    const payload = record(body[msgtype]);
    if (payload === null) return fail(40008, `missing ${msgtype}`);
    let content: string | null = null;
    if (msgtype === 'text' || msgtype === 'markdown') {
      content = str(payload.content);
      if (content === '') return fail(44004, 'empty content');
      const bytes = Buffer.byteLength(content, 'utf8');
      if (bytes > CONTENT_LIMIT_BYTES) {
        ctx.violation('appchat/send', `${msgtype}.content bytes`, `${bytes} bytes, truncated to ${CONTENT_LIMIT_BYTES}`);
        content = truncateUtf8(content, CONTENT_LIMIT_BYTES);
      }
    }
    const at = ctx.now();
    const recipients: string[] = [];
    for (const member of chat.userIds) {
      const over = perMember.take(member, at);
      if (over) state.dropped.push({ toUser: member, reason: over, chatId: chat.chatId, msgid: null, at });
      else recipients.push(member);
    }
    state.chatMessages.push({ chatId: chat.chatId, msgtype, content, card: content === null ? payload : null, recipients, at });
    return ok();
  }

  return { create, update, get, send };
}
