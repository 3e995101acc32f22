/** UI strings of the stored live files and "Save dataset" on /data (lv first, en second). */
export const lv = {
	'liveStore.heading': 'Šajā pārlūkā saglabātie faili',
	'liveStore.intro':
		'Pieņemtās rindas tiek saglabātas tikai šajā pārlūkā (tā privātajā failu krātuvē) un atgriežas pēc lapas pārlādes vai pārlūka restartēšanas. Nekas netiek nosūtīts.',
	'liveStore.unavailable':
		'Šis pārlūks neļauj saglabāt failus (piemēram, privātajā režīmā vai nedrošā adresē): jaunie dati ir tikai atmiņā un pazudīs, aizverot vai pārlādējot lapu.',
	'liveStore.persisted.yes': 'Pastāvīga glabāšana piešķirta: pārlūks šos datus nedzēsīs, pat ja pietrūks vietas diskā.',
	'liveStore.persisted.no': 'Pastāvīga glabāšana nav piešķirta: ja pietrūks vietas diskā, pārlūks var šos datus izdzēst.',
	'liveStore.usage': 'Krātuvē izmantots {used} no pieejamajiem {quota}.',
	'liveStore.none': 'Nav saglabātu failu.',
	'liveStore.caption': 'Saglabātie faili ({n})',
	'liveStore.col.file': 'Fails',
	'liveStore.col.table': 'Tabula',
	'liveStore.col.rows': 'Rindas',
	'liveStore.col.accepted': 'Pieņemts',
	'liveStore.col.sha256': 'SHA-256 (sākotnējais fails)',
	'liveStore.col.action': 'Darbība',
	'liveStore.forget': 'Aizmirst',
	'liveStore.forgetFile': 'Aizmirst failu {name}',
	'liveStore.forgetAll': 'Aizmirst visus failus',
	'liveStore.errors': 'Šos failus neizdevās saglabāt vai atjaunot (to rindas nav saglabātas šajā pārlūkā):',
	'liveStore.save.heading': 'Saglabāt datu kopu',
	'liveStore.save.help':
		'Lejupielādē jaunos datus kā Parquet failus ar manifest.json vienā ZIP arhīvā. Izpakojiet to, piemēram, iestādes iekštīklā un atveriet šo vietni ar ?data=<manifest.json adrese>, lai redzētu tos pašus rādītājus.',
	'liveStore.save.withPilot': 'Iekļaut arī izmēģinājumprojektu datus (kā skatos, kad izvēlēti abi)',
	'liveStore.save.button': 'Saglabāt datu kopu (ZIP)',
	'liveStore.savedName': 'Saglabātā datu kopa',
	'liveStore.noPilot': 'izmēģinājumprojektu dati nav ielādēti'
};
export const en: Record<keyof typeof lv, string> = {
	'liveStore.heading': 'Files stored in this browser',
	'liveStore.intro':
		'Accepted rows are stored only in this browser (its private file storage) and come back after a page reload or a browser restart. Nothing is sent anywhere.',
	'liveStore.unavailable':
		'This browser does not allow storing files (e.g. in a private window or on an insecure address): live data are kept in memory only and are lost when the page is closed or reloaded.',
	'liveStore.persisted.yes': 'Persistent storage granted: the browser will not delete these data even when the disk runs short.',
	'liveStore.persisted.no': 'Persistent storage not granted: the browser may delete these data when the disk runs short.',
	'liveStore.usage': 'Storage used {used} of {quota} available.',
	'liveStore.none': 'No files stored.',
	'liveStore.caption': 'Stored files ({n})',
	'liveStore.col.file': 'File',
	'liveStore.col.table': 'Table',
	'liveStore.col.rows': 'Rows',
	'liveStore.col.accepted': 'Accepted',
	'liveStore.col.sha256': 'SHA-256 (original file)',
	'liveStore.col.action': 'Action',
	'liveStore.forget': 'Forget',
	'liveStore.forgetFile': 'Forget file {name}',
	'liveStore.forgetAll': 'Forget all files',
	'liveStore.errors': 'These files could not be stored or restored (their rows are not kept in this browser):',
	'liveStore.save.heading': 'Save dataset',
	'liveStore.save.help':
		'Downloads the live data as Parquet files with a manifest.json in one ZIP. Unzip it, e.g. on your intranet, and open this site with ?data=<address of manifest.json> to see the same figures.',
	'liveStore.save.withPilot': 'Include the pilot data too (as the views show both)',
	'liveStore.save.button': 'Save dataset (ZIP)',
	'liveStore.savedName': 'Saved dataset',
	'liveStore.noPilot': 'the pilot data are not loaded'
};
