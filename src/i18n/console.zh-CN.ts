import type { Widen } from './catalog';
import type { consoleEn } from './console.en';

/** Simplified Chinese strings of the local console; typed against English, so keys match. */
export const consoleZhCN: Widen<typeof consoleEn> = {
  welcome: 'OKR 助手 — 本地控制台。像在聊天里一样输入命令（例如：帮助），输入 :help 查看控制台命令。',
  help: [
    '控制台命令：',
    '  :as <名字>        以该成员身份操作（新名字会作为成员加入）',
    '  :who              列出所有成员',
    '  :demo             加载演示公司',
    '  :lang en|zh-CN    切换语言',
    '  :tick 7d          让时间前进（m 分钟、h 小时、d 天、w 周），查看期间送达的签到提醒、周报和预警',
    '  :help             显示本帮助',
    '  :quit             退出',
    '其他输入都当作聊天消息，例如：我的，或 更新 KR-12 45 有风险',
  ].join('\n'),
  actingAs: '你现在是 {name}（{role}）。',
  joined: '{name} 加入了工作区（{role}）。你现在是 {name}。',
  offerDemo: '数据库是空的。输入 :demo 加载演示公司（3 个团队，12 人），或输入 :as <名字> 从零开始。',
  demoLoaded: '演示公司已加载：3 个团队，12 人。输入 :who 查看成员，再用 :as <名字> 切换身份。',
  demoAlreadyLoaded: '这个工作区已经有目标了，没有加载演示数据。',
  unknownMember: '没有名为“{name}”的成员。输入 :who 查看成员，或用 :as <名字> 添加。',
  noActor: '你是谁？请先输入 :as <名字>（或 :who 查看成员）。',
  unknownCommand: '未知的控制台命令 {command}。',
  languageSet: '语言：简体中文。',
  tickUsage: '用法：:tick <时长>，例如 :tick 36h 或 :tick 7d（m、h、d、w；最多 8 周）。',
  ticked: '⏩ 现在是 {time}。期间送达消息：{count} 条。',
  arrivedDm: '{time} · 私信给 {name}',
  arrivedChannel: '{time} · 发到 {channel}',
  inThread: '（话题内回复）',
  members: '成员：',
  noMembers: '还没有成员。输入 :demo 加载演示公司，或输入 :as <名字> 开始。',
};
