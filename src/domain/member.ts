export const ROLES = ['member', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Who is acting: resolved by an adapter from platform ids, then passed to every use-case. */
export interface Actor {
  readonly workspaceId: number;
  readonly memberId: number;
  readonly role: Role;
  readonly locale: Locale;
  readonly timeZone: string;
}
