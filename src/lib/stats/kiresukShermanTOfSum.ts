import { StatsInputError } from './errors';

/**
 * Kiresuk–Sherman T from the sum and number of a person's goal ratings, all
 * weights 1: with wᵢ = 1 the formula of {@link kiresukShermanT} needs only
 * Σxᵢ and m, and this computes it with the very same operations, so the
 * result is the same double. The query can then hand over two integers per
 * person instead of every rating (goals view, national data: the per-person
 * rating lists took 130–260 ms to build).
 *
 *   T = 50 + 10·Σxᵢ / √((1 − ρ)·m + ρ·m²)
 *
 * Throws {@link StatsInputError} for no goals, a sum no ratings on −2..+2
 * could make (|Σx| > 2m, or not an integer), or ρ outside [0, 1).
 *
 * @example kiresukShermanTOfSum(1, 6) // 50 + 10·1/√(0.7·6 + 0.3·36) = 52.582, as kiresukShermanT([-2, -1, 0, 1, 2, 1])
 */
export function kiresukShermanTOfSum(sum: number, goals: number, rho = 0.3): number {
	if (!Number.isInteger(goals) || goals < 1) throw new StatsInputError(`kiresukShermanTOfSum: need at least one goal rating (got ${goals})`);
	if (!Number.isInteger(sum) || Math.abs(sum) > 2 * goals) {
		throw new StatsInputError(`kiresukShermanTOfSum: a sum of ${goals} ratings on −2..+2 cannot be ${sum}`);
	}
	if (!(rho >= 0 && rho < 1)) throw new StatsInputError(`kiresukShermanTOfSum: rho must be in [0, 1), got ${rho}`);
	// As kiresukShermanT with w = 1: Σw·x = sum, Σw² = Σw = goals.
	return 50 + (10 * sum) / Math.sqrt((1 - rho) * goals + rho * goals * goals);
}
