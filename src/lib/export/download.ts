/** Save generated content as a file, entirely in the browser. */
export function downloadBlob(filename: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
	// The BOM makes Excel read UTF-8 (ā, ē, ī, š, ž …) correctly.
	downloadBlob(filename, new Blob([type.startsWith('text/csv') ? '\ufeff' + text : text], { type }));
}
