// The WeCom-only admin command that syncs the directory now: WeCom is where the directory lives,
// so the command belongs to the adapter, not to the shared grammar. With or without the slash and
// the `okr` namespace, in English or Chinese.

const SYNC = /^\s*(?:\/?okr\s+)?(?:directory\s+sync|sync\s+directory|同步\s*通讯录|通讯录\s*同步)\s*$/i;

/** True when `text` asks to sync the directory now. */
export const isDirectorySyncCommand = (text: string): boolean => SYNC.test(text);
