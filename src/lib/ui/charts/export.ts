/**
 * Chart downloads: the chart's own SVG (vector, for reports) and a PNG made
 * from it at 2× for slides. Both happen in the browser.
 */
const XMLNS = 'http://www.w3.org/2000/svg';

/** Serialise an SVG element as a standalone file (namespace and font added). */
export function svgToString(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	clone.setAttribute('xmlns', XMLNS);
	if (!clone.getAttribute('font-family')) clone.setAttribute('font-family', 'system-ui, sans-serif');
	// Plot styles its SVG with a class-scoped <style>; the clone carries it along.
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

export async function svgToPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
	const height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
	const url = URL.createObjectURL(new Blob([svgToString(svg)], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.width = width;
		img.height = height;
		await new Promise<void>((ok, fail) => {
			img.onload = () => ok();
			img.onerror = () => fail(new Error('SVG could not be rasterised'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(width * scale);
		canvas.height = Math.ceil(height * scale);
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, width, height);
		return await new Promise<Blob>((ok, fail) =>
			canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
