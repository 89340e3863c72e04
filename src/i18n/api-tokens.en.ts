/** Replies of `/okr token new|list|revoke`. The token line itself is never translated. */
export const apiTokensEn = {
  created: 'API token “{name}” created. Copy it now: it is shown only this once, and only to you.',
  use: 'Send it with every request as the header Authorization: Bearer <token>, to this bot’s /api/v1 (described at /api/v1/openapi.json).',
  revokeHint: 'Lost or leaked? Revoke it: /okr token revoke {name}',
  title: 'API tokens ({count}):',
  line: '{name} — created {created} by {creator}, last used {lastUsed}',
  neverUsed: 'never',
  none: 'No API tokens yet. An admin creates one with /okr token new <name>, e.g. /okr token new crm',
  revoked: 'API token “{name}” revoked: requests using it are refused from now on.',
};
