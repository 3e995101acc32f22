/**
 * @stdlib/assert-has-generator-support for the browser build (vite.config.ts):
 * the original asks by `eval`, which the Content-Security-Policy refuses and
 * reports as a violation every time a page with the statistics loads. Every
 * browser the site supports (ES2022) has generators, so the answer is known.
 */
module.exports = function hasGeneratorSupport() {
	return true;
};
