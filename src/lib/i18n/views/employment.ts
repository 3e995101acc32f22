/** UI strings of the employment view (lv first, en second). */
export const lv = {} as const;

export const en: Record<keyof typeof lv, string> = {};
