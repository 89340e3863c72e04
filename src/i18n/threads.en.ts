/** Strings for replies in the bot's threads. */
export const threadsEn = {
  notice: '{name} replied on {ref}: {text}',
};
