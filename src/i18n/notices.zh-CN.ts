import type { Widen } from './catalog';
import type { noticesEn } from './notices.en';

/** Simplified Chinese strings of the scheduler's notices; typed against English, so keys match. */
export const noticesZhCN: Widen<typeof noticesEn> = {
  command: {
    checkIn: '签到',
    update: '更新 {ref} <数值>',
    snooze: '稍后 1天',
    show: '查看 {ref}',
    score: '评分 {ref} {score}',
  },
  button: {
    snooze: '明天再提醒',
    score: '评分 {ref}',
  },
  prompt: {
    title: '每周签到 — {period}',
    intro: '{name} 你好，该做每周签到了：你有 {count} 个进行中的关键结果。',
    introOne: '{name} 你好，该做每周签到了：你有 1 个进行中的关键结果。',
    empty: '{name} 你好，本周没有进行中的关键结果，不需要签到。',
    hint: '输入“{checkIn}”一次更新全部，输入“{update}”更新单个，或输入“{snooze}”暂停提醒一天。',
  },
  reminder: {
    title: '提醒：{name}，本周还有 {count} 个关键结果没有签到。',
    titleOne: '提醒：{name}，本周还有 1 个关键结果没有签到。',
    done: '{name}，你本周的关键结果都已签到，谢谢！',
  },
  escalation: {
    title: '{member} 还没有签到',
    body: '{member} 已经 {workdays} 个工作日没有签到了。',
    bodyOne: '{member} 已经 1 个工作日没有签到了。',
    keyResults: 'Ta 进行中的关键结果：',
    hint: '你是 {member} 的经理，所以收到这条提醒。简单问一句通常就够了。输入“{show}”可查看关键结果。',
  },
  digest: {
    title: '{team} 团队周报 — {period}',
    checkedIn: '✅ 已签到（{count}）：{names}',
    missing: '⏳ 尚未签到（{count}）：{names}',
    nobodyCheckedIn: '⏳ 还没有人签到。',
    everyoneCheckedIn: '✅ 所有人都已签到。',
    moreNames: '{names}，另有 {count} 人',
    atRisk: '⚠️ 有风险（{count}）',
    noAtRisk: '本周没有风险项。🎉',
    changes: '📈 本周进展（{count}）',
    noChanges: '本周没有关键结果的进度发生变化。',
    change: '{ref}  {title}  {from} → {to}（{delta}）',
    changeNew: '{ref}  {title}  本周新增，当前 {to}',
    deltaUp: '+{points} 个百分点',
    deltaDown: '-{points} 个百分点',
    deltaNone: '持平',
    feedbackHint: '成员的签到会以回复的形式出现在这个话题里；在这里回复，对方会收到你的反馈。',
  },
  digestCheckIn: {
    title: '{author} 签到了 {ref}  {title}',
    noValue: '未更新数值',
    note: '“{note}”',
  },
  lagAlert: {
    title: '滞后预警：{ref}  {title}',
    titleWorse: '滞后预警（比本周早些时候更严重）：{ref}  {title}',
    why: '原因：',
    meta: '负责人 {owner} · 目标 {objectiveRef} · {progress} · {standing}',
    hint: '输入“{show}”查看详情。',
  },
  lagAlertOwner: {
    title: '你负责的关键结果 {ref} 滞后了：{title}',
    hint: '更新最新数值，并写下遇到的阻碍，团队才能及时帮忙。输入“{update}”即可。',
  },
  monthly: {
    title: '月度回顾 — {month}',
    intro: '{name}，本月即将结束，看看你的目标进展如何：',
    empty: '{name}，你在本周期还没有目标。',
    summary: '关键结果 {count} 个 · 滞后 {lagging} 个',
    hint: '月底前把数值更新一下吧，输入“{checkIn}”即可。',
  },
  scoring: {
    title: '周期评分：{cycle}',
    intro: '{name}，{cycle} 将于 {date} 结束。请为每个目标打分（0.0–1.0），建议分数根据进度得出。',
    empty: '{name}，{cycle} 将于 {date} 结束，你没有需要评分的目标。',
    suggested: '建议 {score} 分',
    hint: '也可以输入“{score}”。',
  },
};
