/** UI strings of the functioning view (lv first, en second). */
export const lv = {} as const;

export const en: Record<keyof typeof lv, string> = {};
