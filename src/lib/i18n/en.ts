import type { MessageKey } from './lv';

/** English UI strings (second language). Must have every key of lv.ts. */
export const en: Record<MessageKey, string> = {
	'app.title': 'IB Outcomes',
	'app.subtitle': 'Evaluation of the Individual Budget Model',
	'app.skip': 'Skip to content',
	'nav.overview': 'Overview',
	'nav.label': 'Main navigation',
	'lang.switch': 'Latviski',
	'lang.switchLabel': 'Pārslēgt uz latviešu valodu',
	'synthetic.label': 'Synthetic data calibrated to published pilot results',
	'synthetic.detail':
		'Participant-level rows are generated; they reproduce every published figure but describe no real person.',
	'loading.engine': 'Loading the database engine…',
	'loading.engineBytes': 'Loading the database engine: {loaded} of {total}',
	'loading.data': 'Loading data: {table} ({done} of {total} tables)',
	'loading.error': 'The data could not be loaded',
	'loading.retry': 'Try again',
	'loading.done': 'Data loaded in {ms}',
	'cohort.child': 'Children with functional impairments and their families',
	'cohort.adult': 'Adults with mental disorders',
	'cohort.child.short': 'Children',
	'cohort.adult.short': 'Adults',
	'overview.heading': 'Pilot overview',
	'overview.intro':
		'The Individual Budget Model gives a person with a disability a budget for community-based social services. Below are the key figures of both pilots, computed in your browser from participant-level data.',
	'overview.participants': 'Participants',
	'overview.municipalities': 'Municipalities',
	'overview.served': 'Received paid services',
	'overview.period': 'Pilot period',
	'overview.servicePeriod': 'Service period',
	'overview.serviceMonths': '{n} months',
	'overview.cost': 'Cost of services',
	'overview.costWithOverheads': 'Total with needs assessment and municipal costs',
	'overview.municipalityList': 'Municipalities',
	'overview.tableCaption': 'Key figures of the pilots',
	'overview.indicator': 'Indicator',
	'common.download': 'Download',
	'common.downloadCsv': 'Download CSV',
	'footer.privacy': 'Data are processed only in your browser; nothing is sent anywhere.',
	'footer.engine': 'Engine: DuckDB-WASM {version}'
};
