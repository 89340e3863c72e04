/**
 * English strings of the scheduler's notices (`notice.*` in the catalog): the weekly check-in
 * prompt and its reminder, the escalation to a manager, the team digest and the check-ins posted in
 * its thread, lag alerts, the monthly review and the end-of-cycle scoring prompt. The console prints
 * them as text, Slack as Block Kit. Commands are their own keys so the hints always name a command
 * the parser accepts in that language (a unit test parses them).
 */
export const noticesEn = {
  command: {
    checkIn: '/okr checkin',
    update: '/okr update {ref} <value>',
    snooze: '/okr snooze 1d',
    show: '/okr show {ref}',
    score: '/okr score {ref} {score}',
    kpiShow: '/kpi show {key}',
    confirmKpi: '/okr update {ref} {value} on-track',
  },
  button: {
    snooze: 'Snooze 1 day',
    score: 'Score {ref}',
    confirmKpi: 'Confirm or adjust',
  },
  prompt: {
    title: 'Weekly check-in — {period}',
    intro: 'Hi {name}, time for your weekly check-in: {count} open key results.',
    introOne: 'Hi {name}, time for your weekly check-in: 1 open key result.',
    empty: 'Hi {name}, you have no open key results this week, so there is nothing to check in.',
    hint: 'Check in on all of them with {checkIn}, on one with {update}, or pause the prompts for a day with {snooze}.',
  },
  reminder: {
    title: 'Reminder, {name}: {count} key results still have no check-in this week.',
    titleOne: 'Reminder, {name}: 1 key result still has no check-in this week.',
    done: 'All your key results have a check-in this week, {name}. Thank you!',
  },
  escalation: {
    title: '{member} has not checked in',
    body: '{member} has not checked in for {workdays} workdays.',
    bodyOne: '{member} has not checked in for 1 workday.',
    keyResults: 'Their open key results:',
    hint: 'You get this as {member}’s manager. A short word usually helps. See a key result with {show}.',
  },
  digest: {
    title: '{team} weekly digest — {period}',
    checkedIn: '✅ Checked in ({count}): {names}',
    missing: '⏳ Not checked in yet ({count}): {names}',
    nobodyCheckedIn: '⏳ Nobody has checked in yet.',
    everyoneCheckedIn: '✅ Everyone has checked in.',
    moreNames: '{names} and {count} more',
    atRisk: '⚠️ At risk ({count})',
    noAtRisk: 'Nothing is at risk this week. 🎉',
    changes: '📈 What moved this week ({count})',
    noChanges: 'No key result moved this week.',
    change: '{ref}  {title}  {from} → {to} ({delta})',
    changeNew: '{ref}  {title}  new this week, now {to}',
    deltaUp: '+{points} pts',
    deltaDown: '-{points} pts',
    deltaNone: '±0 pts',
    feedbackHint: 'Members’ check-ins arrive as replies in this thread. Replies here reach them as feedback.',
  },
  digestCheckIn: {
    title: '{author} checked in on {ref}  {title}',
    noValue: 'no new value',
    note: '“{note}”',
  },
  lagAlert: {
    title: 'Lag alert: {ref}  {title}',
    titleWorse: 'Lag alert, worse than earlier this week: {ref}  {title}',
    why: 'Why:',
    meta: 'Owner {owner} · objective {objectiveRef} · {progress} · {standing}',
    hint: 'See the details with {show}.',
  },
  lagAlertOwner: {
    title: 'Your key result {ref} is lagging: {title}',
    hint: 'A check-in with the latest number, and a note on what is in the way, lets your team help: {update}',
  },
  monthly: {
    title: 'Monthly review — {month}',
    intro: '{name}, the month is almost over. Here is where your objectives stand:',
    empty: '{name}, you have no objectives in this cycle yet.',
    summary: 'Key results {count} · Lagging {lagging}',
    hint: 'Bring your numbers up to date before the month ends: {checkIn}',
  },
  scoring: {
    title: 'Time to score {cycle}',
    intro: '{name}, {cycle} ends on {date}. Score each objective from 0.0 to 1.0; the suggestion comes from its progress.',
    empty: '{name}, {cycle} ends on {date}, and you have no objectives to score.',
    suggested: 'suggested {score}',
    hint: 'Or type {score}',
  },
  kpiAlert: {
    title: 'KPI alert: {name} ({key})',
    bandWorsened: 'moved from {from} to {to}',
    belowTarget: 'below target for {count} {periods} in a row',
    belowTargetOne: 'below target in its latest {period}',
    latest: 'Latest {value} on {date} · target {target}',
    latestNoTarget: 'Latest {value} on {date}',
    trend: 'Trend: {points}',
    point: '{date} {value}',
    hint: 'See the KPI and its readings with {show}.',
    periods: { daily: 'days', weekly: 'weeks', monthly: 'months', quarterly: 'quarters' },
    period: { daily: 'day', weekly: 'week', monthly: 'month', quarterly: 'quarter' },
  },
  kpiLinked: {
    title: '{ref} follows {kpi}: now {value}',
    says: '{kpi} says {value} ({delta} since {date}).',
    saysFirst: '{kpi} says {value} (as of {date}).',
    ask: 'Confirm, adjust, add a note and a confidence: it becomes your check-in on {ref}  {title}.',
    hint: 'Confirm by typing {confirm}, or type another number, confidence and note the same way.',
    deltaUp: '+{value}',
    deltaDown: '-{value}',
    deltaNone: '±0',
  },
};
