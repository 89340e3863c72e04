import type { apiTokensEn } from './api-tokens.en';

export const apiTokensZhCN: { [K in keyof typeof apiTokensEn]: string } = {
  created: '已创建 API 令牌“{name}”。请现在复制：它只显示这一次，而且只有你能看到。',
  use: '每个请求都带上请求头 Authorization: Bearer <令牌>，发送到本机器人的 /api/v1（接口说明见 /api/v1/openapi.json）。',
  revokeHint: '丢失或泄露了？撤销它：令牌 撤销 {name}',
  title: 'API 令牌（{count} 个）：',
  line: '{name} — {created} 由 {creator} 创建，最近使用：{lastUsed}',
  neverUsed: '从未使用',
  none: '还没有 API 令牌。管理员可以用“令牌 新建 <名称>”创建，例：令牌 新建 crm',
  revoked: '已撤销 API 令牌“{name}”：从现在起，使用它的请求都会被拒绝。',
};
