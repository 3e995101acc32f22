/**
 * Statistics for paired (before/after) outcome data, matching R 4.2.2.
 * Pure TypeScript: runs in Node and the browser. See README.md in this folder.
 */
export { StatsInputError } from './errors';
export type { Alternative } from './alternative';
export { pairedDifferences } from './pairedDifferences';
export { rank, tieCorrection } from './rank';
export { mean, sampleVariance } from './moments';
export { tCdf, tUpperTail, tQuantile } from './tDistribution';
export { normalUpperTail } from './normalUpperTail';
export { chiSquareUpperTail } from './chiSquareUpperTail';
export { binomialPmf, binomialCdf } from './binomialDistribution';
export { signedRankCount, signedRankCdf } from './signedRankDistribution';
export { zeroin } from './zeroin';
export { walshMedian, rootPseudoMedian } from './pseudoMedian';
export { pairedTTest, type PairedTTestOptions, type PairedTTestResult } from './pairedTTest';
export { wilcoxonSignedRank, type WilcoxonOptions, type WilcoxonResult } from './wilcoxonSignedRank';
export { signTest, type SignTestResult } from './signTest';
export { binomialTest, type BinomialTestOptions, type BinomialTestResult } from './binomialTest';
export { mcnemarTest, mcnemarFromCounts, type McNemarOptions, type McNemarResult } from './mcnemarTest';
export { pAdjust, type PAdjustMethod } from './pAdjust';
export { cohensDz } from './cohensDz';
export { kiresukShermanT } from './kiresukShermanT';
export { kiresukShermanTOfSum } from './kiresukShermanTOfSum';
export { describePaired, type PairedDescription } from './describePaired';
export { funnelLimits, funnelCurve, funnelFlag, Z95, Z998, type FunnelLimits, type FunnelFlag } from './funnelLimits';
