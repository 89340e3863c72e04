import type { Widen } from './catalog';
import type { wecomEn } from './wecom.en';

/** Simplified Chinese strings of the WeCom adapter; typed against English, so keys match. */
export const wecomZhCN: Widen<typeof wecomEn> = {
  page: '（{page}/{pages}）',
  command: {
    comment: '评论 {ref} <内容>',
  },
  card: {
    source: 'OKR 每周签到',
    keyResult: '关键结果',
    moreKeyResults: '更多',
    moreKeyResultsValue: '还有 {count} 个，点“详情”查看全部',
    howTo: '先选择一个关键结果，再点击它的进展情况。',
    recorded: '{ref}: {choice} ✓',
    moreRecorded: '另有 {count} 个已签到',
    allRecorded: '本周的关键结果都已签到，谢谢！',
    button: {
      on_track: '按计划',
      at_risk: '有风险',
      off_track: '延期',
      details: '详情',
    },
  },
  lead: {
    reminder: '关于本周的签到卡片',
    digestCheckIn: '本周团队周报 · 新的签到',
  },
  digest: {
    followUp: '成员的签到会作为单独的消息陆续发来。',
    feedback: '如需反馈，请输入“{comment}”。',
  },
  inbound: {
    textOnly: '我只能读取文字消息。请输入命令，例如：帮助',
    askValue: '已记录 {ref}：{confidence}。现在的数值是多少？直接回复数字，也可以附上备注，例如：45 等法务审核。',
  },
  directory: {
    started: '正在同步企业微信通讯录，完成后会通知你。',
    done: '通讯录已同步：新建团队 {teamsCreated} 个，更新 {teamsUpdated} 个；新增成员 {membersCreated} 人，更名 {membersUpdated} 人，停用 {membersDeactivated} 人，恢复 {membersReactivated} 人；设置汇报关系 {managersSet} 条；新建团队群 {chatsCreated} 个，更新 {chatsUpdated} 个。',
    failed: '通讯录同步未完成：{reason}。没有做任何更改。',
  },
};
