/**
 * What a view's shaping code asks of the release path while it builds its
 * tables (pure): may this row of this table be shown in this selection?
 * Outcome modules release their data through it, so a page, its downloads
 * and the report format the same released values.
 */
import type { FamilyRelease } from './packed.ts';
import type { HiddenReason } from './protect.ts';

export interface ReleaseContext {
	/** The selection's key in the space (e.g. 'r:Latgale|F|all|all'). */
	readonly selection: string;
	/** People in the selection. */
	readonly n: number;
	/** Null when the row of the family may be shown, else why not. */
	hidden(family: string, row: string): HiddenReason | null;
	shown(family: string, row: string): boolean;
}

export function releaseContext(selection: string, n: number, plans: readonly FamilyRelease[]): ReleaseContext {
	const byFamily = new Map(plans.map((p) => [p.family, p]));
	const hidden = (family: string, row: string): HiddenReason | null => {
		const plan = byFamily.get(family);
		// A family the view did not declare cannot be released: fail loudly, never show.
		if (!plan) throw new Error(`release: no plan for table family '${family}'`);
		const cell = plan.cell(selection, row);
		// A row the plan does not know (not in its row list) is not released.
		return cell ? cell.reason : 'primary';
	};
	return { selection, n, hidden, shown: (family, row) => hidden(family, row) === null };
}

/**
 * A figure if its row is released, else null (shown as "–" and explained in
 * the view's note).
 *
 * @example released(ctx, 'costs.groups', 'other', 1234.5) // null where "other services" is hidden
 */
export function released<T>(ctx: ReleaseContext, family: string, row: string, value: T): T | null {
	return ctx.shown(family, row) ? value : null;
}
