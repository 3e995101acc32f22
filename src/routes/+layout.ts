// Every page is prerendered to static HTML; data are queried in the browser only.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'always';
