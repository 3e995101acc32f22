/**
 * All message catalogues merged. Each view owns a file in views/ with its own
 * `lv` and `en` (so views can be worked on independently); keys are prefixed
 * with the view's name.
 */
import { lv as coreLv } from './lv';
import { en as coreEn } from './en';
import * as goals from './views/goals';
import * as functioning from './views/functioning';
import * as qualityOfLife from './views/quality-of-life';
import * as employment from './views/employment';
import * as costs from './views/costs';
import * as municipalities from './views/municipalities';
import * as exportView from './views/export';
import * as report from './views/report';
import * as data from './views/data';
import * as privacy from './views/privacy';
import * as municipalityProfile from './views/municipality-profile';
import * as liveStore from './views/live-store';
import * as trust from './views/trust';
import * as a11y from './views/a11y';
import * as trends from './views/trends';

export const lv = {
	...coreLv,
	...goals.lv,
	...functioning.lv,
	...qualityOfLife.lv,
	...employment.lv,
	...costs.lv,
	...municipalities.lv,
	...exportView.lv,
	...report.lv,
	...data.lv,
	...privacy.lv,
	...municipalityProfile.lv,
	...liveStore.lv,
	...trust.lv,
	...a11y.lv,
	...trends.lv
};
export type MessageKey = keyof typeof lv;
export const en: Record<MessageKey, string> = {
	...coreEn,
	...goals.en,
	...functioning.en,
	...qualityOfLife.en,
	...employment.en,
	...costs.en,
	...municipalities.en,
	...exportView.en,
	...report.en,
	...data.en,
	...privacy.en,
	...municipalityProfile.en,
	...liveStore.en,
	...trust.en,
	...a11y.en,
	...trends.en
};
