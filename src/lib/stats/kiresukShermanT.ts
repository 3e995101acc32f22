import { StatsInputError } from './errors';

/**
 * Goal Attainment Scaling T-score (Kiresuk & Sherman, 1968).
 *
 *   T = 50 + 10·Σwᵢxᵢ / √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²)
 *
 * with attainment ratings xᵢ on the −2..+2 scale (0 = expected outcome),
 * weights wᵢ (1 unless given) and ρ the assumed correlation between goal
 * scores (0.3 by convention). T = 50 means goals were met exactly as expected;
 * each ±10 is one standard deviation under the model's assumptions.
 *
 * Throws {@link StatsInputError} for no ratings, a rating outside [−2, 2],
 * weights of another length or not positive, or ρ outside [0, 1).
 *
 * @example kiresukShermanT([-2, -1, 0, 1, 2, 1]) // 50 + 10·1/√(0.7·6 + 0.3·36) = 52.582
 * R: 50 + 10 * sum(w * x) / sqrt((1 - rho) * sum(w^2) + rho * sum(w)^2)
 */
export function kiresukShermanT(ratings: readonly number[], weights?: readonly number[] | null, rho = 0.3): number {
	if (!Array.isArray(ratings) || ratings.length === 0) {
		throw new StatsInputError('kiresukShermanT: need at least one goal rating');
	}
	if (!(rho >= 0 && rho < 1)) throw new StatsInputError(`kiresukShermanT: rho must be in [0, 1), got ${rho}`);
	if (weights != null && weights.length !== ratings.length) {
		throw new StatsInputError(
			`kiresukShermanT: weights must have one entry per rating (got ${weights.length} for ${ratings.length})`
		);
	}
	let swx = 0;
	let sw2 = 0;
	let sw = 0;
	for (let i = 0; i < ratings.length; i++) {
		const x = ratings[i];
		if (typeof x !== 'number' || !(x >= -2 && x <= 2)) {
			throw new StatsInputError(`kiresukShermanT: rating ${i} = ${String(x)} is not in −2..+2`);
		}
		const w = weights == null ? 1 : weights[i];
		if (typeof w !== 'number' || !(w > 0) || !Number.isFinite(w)) {
			throw new StatsInputError(`kiresukShermanT: weight ${i} = ${String(w)} must be a positive number`);
		}
		swx += w * x;
		sw2 += w * w;
		sw += w;
	}
	return 50 + (10 * swx) / Math.sqrt((1 - rho) * sw2 + rho * sw * sw);
}
