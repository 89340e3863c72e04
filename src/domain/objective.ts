export const OBJECTIVE_LEVELS = ['company', 'team', 'personal'] as const;
export type ObjectiveLevel = (typeof OBJECTIVE_LEVELS)[number];

export const OBJECTIVE_STATUSES = ['active', 'closed', 'cancelled'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

/** Rank used for alignment: a child never sits above its parent. */
export const LEVEL_RANK: Readonly<Record<ObjectiveLevel, number>> = { company: 0, team: 1, personal: 2 };
