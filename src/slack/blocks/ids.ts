// Every callback_id and action_id exists once, here, shared by the builders and the listeners.

export const ACTION = {
  /** Opens the check-in modal; value: '' (all my KRs) or a KR reference to put first. */
  openCheckIn: 'okr_open_check_in',
  /** Opens the create-objective modal. */
  openNewObjective: 'okr_open_new_objective',
  /** Shows a goal's details ephemerally; value: 'O-7' or 'KR-12'. */
  showGoal: 'okr_show_goal',
  /** Re-posts a reply for the whole channel; value: the command text that produced it. */
  share: 'okr_share',
  /** Opens the score modal; value: 'O-7'. */
  openScore: 'okr_open_score',
  /** Snoozes the weekly check-in prompt it sits on by one day; value: the prompt's id (`String(promptId)`). */
  snoozePrompt: 'okr_snooze_prompt',
  /** The create-objective modal's searchable parent select (options load from our server). */
  parentSelect: 'okr_parent_select',
} as const;

export const VIEW = {
  newObjective: 'okr_new_objective',
  checkIn: 'okr_check_in',
  score: 'okr_score',
  teamSettings: 'okr_team_settings',
  home: 'okr_home',
} as const;
