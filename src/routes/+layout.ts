// Every page is prerendered to static HTML, with the whole cohorts' released figures
// (+layout.server.ts); other selections are computed (workbench) or read (published) in the browser.
export const prerender = true;
export const ssr = true;
export const trailingSlash = 'always';
