/** The significance level of every paired test, on the pages and in the report (after multiplicity adjustment). */
export const ALPHA = 0.05;
