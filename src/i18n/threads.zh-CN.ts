import type { threadsEn } from './threads.en';

export const threadsZhCN: { [K in keyof typeof threadsEn]: string } = {
  notice: '{name} 在 {ref} 下回复：{text}',
};
