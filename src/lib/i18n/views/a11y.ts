/** UI strings of the phone layout and accessibility aids (lv first, en second). */
export const lv = {
	'a11y.menu': 'Izvēlne',
	'a11y.filters': 'Filtri',
	'a11y.filtersChosen': 'Filtri ({n} izvēlēti)',
	'a11y.chartSummary': 'Diagrammas skaitļi ir arī tabulā šajā lapā.'
};

export const en: Record<keyof typeof lv, string> = {
	'a11y.menu': 'Menu',
	'a11y.filters': 'Filters',
	'a11y.filtersChosen': 'Filters ({n} chosen)',
	'a11y.chartSummary': 'The chart’s figures are also in a table on this page.'
};
