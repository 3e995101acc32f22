/**
 * Which of the two sites this build is. The workbench (default) runs on
 * microdata the data owner loads on their own machine; the published site
 * (`npm run publish`) holds only released results and no engine. A build-time
 * constant, so the other mode's code (and its data) is left out of the bundle.
 */
export const PUBLISHED: boolean = import.meta.env.VITE_IB_MODE === 'published';
