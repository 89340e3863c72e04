import type { Locale, Role } from '../domain/member';

// A small bilingual company: three teams, twelve people across seven time zones, company → team
// → personal OKRs, and KPIs with history. Everything below is typed exactly as people would type it.

export interface DemoPerson {
  readonly name: string;
  readonly role: Role;
  readonly manager: string | null;
  readonly team: string | null;
  readonly timeZone: string;
  readonly locale: Locale;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { name: 'Chen Wei', role: 'admin', manager: null, team: null, timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
  { name: 'Alice', role: 'manager', manager: 'Chen Wei', team: 'eng', timeZone: 'America/New_York', locale: 'en' },
  { name: 'Bob', role: 'member', manager: 'Alice', team: 'eng', timeZone: 'Europe/London', locale: 'en' },
  { name: '李娜', role: 'member', manager: 'Alice', team: 'eng', timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
  { name: 'Dev', role: 'member', manager: 'Alice', team: 'eng', timeZone: 'Asia/Kolkata', locale: 'en' },
  { name: '王芳', role: 'manager', manager: 'Chen Wei', team: 'sales', timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
  { name: 'Carlos', role: 'member', manager: '王芳', team: 'sales', timeZone: 'America/Sao_Paulo', locale: 'en' },
  { name: '张伟', role: 'member', manager: '王芳', team: 'sales', timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
  { name: 'Emma', role: 'member', manager: '王芳', team: 'sales', timeZone: 'Europe/Berlin', locale: 'en' },
  { name: '刘洋', role: 'manager', manager: 'Chen Wei', team: 'cs', timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
  { name: 'Grace', role: 'member', manager: '刘洋', team: 'cs', timeZone: 'Asia/Singapore', locale: 'en' },
  { name: '赵敏', role: 'member', manager: '刘洋', team: 'cs', timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
];

export const DEMO_TEAMS = [
  { handle: 'eng', name: 'Engineering 研发部', manager: 'Alice' },
  { handle: 'sales', name: 'Sales 销售部', manager: '王芳' },
  { handle: 'cs', name: 'Customer Success 客户成功部', manager: '刘洋' },
] as const;

/**
 * `at` places a step in the cycle so far: 0 is the cycle's first day, 1 is now. `{cycle}` is
 * replaced by the demo cycle's name.
 */
export interface DemoStep {
  readonly who: string;
  readonly say: string;
  readonly at: number;
}

export const DEMO_STEPS: readonly DemoStep[] = [
  // Company objectives (O-1, O-2) and their key results (KR-1..KR-4).
  { who: 'Chen Wei', at: 0, say: '/okr new "Delight our customers 让客户爱上我们" --level company --cycle {cycle}' },
  { who: 'Chen Wei', at: 0, say: '/okr kr add O-1 "Raise NPS from 30 to 45"' },
  { who: 'Chen Wei', at: 0, say: '/okr kr add O-1 "Cut monthly churn from 3% to 1.5%"' },
  { who: 'Chen Wei', at: 0, say: '/okr new "收入翻倍 Double revenue" --level company --cycle {cycle}' },
  { who: 'Chen Wei', at: 0, say: '/okr kr add O-2 "季度营收从1200万提升到2400万"' },
  { who: 'Chen Wei', at: 0, say: '/okr kr add O-2 "Sign 5 enterprise customers from 0 to 5"' },
  // Team objectives (O-3..O-5).
  { who: 'Alice', at: 0.02, say: '/okr new "Ship a reliable, fast platform" --team #eng --parent O-1 --cycle {cycle}' },
  { who: 'Alice', at: 0.02, say: '/okr kr add O-3 "Keep uptime above 99.9%"' },
  { who: 'Alice', at: 0.02, say: '/okr kr add O-3 "Reduce p95 latency from 800ms to 200ms"' },
  { who: 'Alice', at: 0.02, say: '/okr kr add O-3 "Ship the mobile app" --owner @李娜' },
  { who: '王芳', at: 0.02, say: '新建 "拓展华东市场" --team #sales --parent O-2 --cycle {cycle}' },
  { who: '王芳', at: 0.02, say: 'kr 添加 O-4 "华东区新签客户从10提升到40"' },
  { who: '王芳', at: 0.02, say: 'kr 添加 O-4 "华东区营收达到800万"' },
  { who: '刘洋', at: 0.02, say: '新建 "提升客户满意度 Improve customer satisfaction" --team #cs --parent O-1 --cycle {cycle}' },
  { who: '刘洋', at: 0.02, say: 'kr 添加 O-5 "工单满意度保持在95%以上"' },
  { who: '刘洋', at: 0.02, say: 'kr 添加 O-5 "Cut first response time from 8h to 2h" --owner @Grace' },
  // Personal objectives (O-6..O-8).
  { who: 'Bob', at: 0.05, say: '/okr new "Make the orders API fast" --parent O-3 --cycle {cycle}' },
  { who: 'Bob', at: 0.05, say: '/okr kr add O-6 "Cut orders API p95 from 900ms to 250ms"' },
  { who: 'Carlos', at: 0.05, say: '/okr new "Open the LATAM pipeline" --parent O-4 --cycle {cycle}' },
  { who: 'Carlos', at: 0.05, say: '/okr kr add O-7 "Grow qualified LATAM leads from 0 to 60"' },
  { who: '赵敏', at: 0.05, say: '新建 "知识库覆盖常见问题" --parent O-5 --cycle {cycle}' },
  { who: '赵敏', at: 0.05, say: 'kr 添加 O-8 "知识库文章从20篇提升到80篇"' },
  // Check-ins across the cycle.
  { who: 'Chen Wei', at: 0.3, say: '/okr update KR-1 34 on-track' },
  { who: 'Chen Wei', at: 0.3, say: '/okr update KR-2 2.8% on-track' },
  { who: 'Chen Wei', at: 0.3, say: '更新 KR3 1500万 正常' },
  { who: 'Chen Wei', at: 0.3, say: '/okr update KR-4 1 at-risk procurement cycles are long' },
  { who: 'Alice', at: 0.3, say: '/okr update KR-5 99.95 on-track' },
  { who: 'Alice', at: 0.3, say: '/okr update KR-6 640 on-track' },
  { who: 'Bob', at: 0.3, say: '/okr update KR-12 700 on-track index on order_date' },
  { who: '王芳', at: 0.3, say: '更新 KR-8 16 正常' },
  { who: 'Carlos', at: 0.3, say: '/okr update KR-13 12 on-track' },
  { who: 'Grace', at: 0.3, say: '/okr update KR-11 6.5 on-track' },
  { who: '赵敏', at: 0.3, say: '更新 KR14 34 正常' },
  { who: 'Chen Wei', at: 0.6, say: '/okr update KR-1 37 on-track' },
  { who: 'Alice', at: 0.6, say: '/okr update KR-6 520 at-risk cache rollout slipped a week' },
  { who: 'Bob', at: 0.6, say: '/okr update KR-12 480 on-track' },
  { who: '王芳', at: 0.6, say: '更新 KR-8 19 有风险 两个大客户推迟签约' },
  { who: '王芳', at: 0.6, say: '更新 KR-9 260万 有风险' },
  { who: 'Carlos', at: 0.6, say: '/okr update KR-13 +6 at-risk' },
  { who: '刘洋', at: 0.6, say: '更新 KR-10 96.2 正常' },
  { who: 'Grace', at: 0.6, say: '/okr update KR-11 4 on-track' },
  { who: 'Chen Wei', at: 0.95, say: '/okr update KR-1 39 on-track' },
  { who: 'Chen Wei', at: 0.95, say: '/okr update KR-2 2.2% on-track' },
  { who: 'Chen Wei', at: 0.95, say: '更新 KR3 1900万 正常' },
  { who: 'Bob', at: 0.95, say: '/okr update KR-12 330 on-track' },
  { who: 'Alice', at: 0.95, say: '/okr update KR-5 99.97 on-track' },
  { who: 'Alice', at: 0.95, say: '/okr update KR-6 410 at-risk CDN contract still unsigned' },
  { who: 'Carlos', at: 0.95, say: '/okr update KR-13 21 off-track two events cancelled' },
  { who: '刘洋', at: 0.95, say: '更新 KR-10 94.1 有风险 新版本上线后投诉增加' },
  { who: 'Grace', at: 0.95, say: '/okr update KR-11 3.1 on-track' },
  // Feedback and blockers.
  { who: 'Alice', at: 0.96, say: '/okr comment KR-12 Great progress, Bob — the index paid off.' },
  { who: 'Carlos', at: 0.96, say: '/okr blocker KR-13 need budget for two LATAM events --help @王芳' },
  { who: '王芳', at: 0.97, say: '评论 KR-8 下周和两位客户高层再碰一次' },
  // KPIs with history.
  { who: 'Chen Wei', at: 0, say: '/kpi new nps "Net Promoter Score 净推荐值" --target 45 --green 40 --yellow 30' },
  { who: 'Chen Wei', at: 0, say: '/kpi new churn "Monthly churn 月流失率" --target 1.5% --green 2 --yellow 3 --direction down --freq monthly' },
  { who: '王芳', at: 0, say: '/kpi new revenue "Monthly revenue 月营收" --target ¥8000000 --green 8000000 --yellow 6000000 --freq monthly --team #sales' },
  { who: 'Alice', at: 0, say: '/kpi new uptime "Platform uptime 可用性" --target 99.9% --green 99.9 --yellow 99.5 --team #eng' },
  { who: 'Chen Wei', at: 0.1, say: '/kpi log nps 31' },
  { who: 'Chen Wei', at: 0.3, say: '/kpi log nps 34' },
  { who: 'Chen Wei', at: 0.6, say: '/kpi log nps 37' },
  { who: 'Chen Wei', at: 0.95, say: '/kpi log nps 39' },
  { who: 'Chen Wei', at: 0.33, say: '/kpi log churn 2.8%' },
  { who: 'Chen Wei', at: 0.66, say: '/kpi log churn 2.5%' },
  { who: 'Chen Wei', at: 0.95, say: '/kpi log churn 2.2%' },
  { who: '王芳', at: 0.33, say: '指标 记录 revenue 520万' },
  { who: '王芳', at: 0.66, say: '指标 记录 revenue 610万' },
  { who: 'Alice', at: 0.3, say: '/kpi log uptime 99.95' },
  { who: 'Alice', at: 0.6, say: '/kpi log uptime 99.7' },
  { who: 'Alice', at: 0.95, say: '/kpi log uptime 99.93' },
  { who: 'Chen Wei', at: 0.96, say: '/kpi link KR-1 nps' },
];
