// What a submitted modal looks like (`view.state.values[block_id][action_id]`, platform-facts A6)
// and the small readers the form parsers share. Bolt's `ViewStateValue` is assignable to these types.

export interface ViewStateValue {
  readonly type: string;
  readonly value?: string | null;
  readonly selected_option?: { readonly value: string } | null;
  readonly selected_conversation?: string | null;
}

export type ViewStateValues = Readonly<Record<string, Readonly<Record<string, ViewStateValue>>>>;

/** Field errors keyed by the input block's block_id: the body of `response_action: 'errors'`. */
export type FormErrors = Record<string, string>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/** The state of the (only) element of an input block; undefined when the block was not in the view. */
export function fieldOf(values: ViewStateValues, blockId: string): ViewStateValue | undefined {
  const block = values[blockId];
  if (!block) return undefined;
  for (const state of Object.values(block)) return state;
  return undefined;
}

/** A text input's value, trimmed; '' when empty or absent (Slack sends null for an empty field). */
export const textOf = (values: ViewStateValues, blockId: string): string => fieldOf(values, blockId)?.value?.trim() ?? '';

/** A select's chosen option value, or null. */
export const selectedOf = (values: ViewStateValues, blockId: string): string | null =>
  fieldOf(values, blockId)?.selected_option?.value ?? null;

/** A conversations_select's chosen conversation id, or null. */
export const conversationOf = (values: ViewStateValues, blockId: string): string | null =>
  fieldOf(values, blockId)?.selected_conversation ?? null;

export const hasErrors = (errors: FormErrors): boolean => Object.keys(errors).length > 0;
