// Page images of a PDF (or multi-page image) version, as the media module's pages fragment links
// them (signed dynamic rendition URLs); and image loading that waits for renditions still being made.

/** The image URL of one page, or null while the file has not been read yet. */
export async function pageImage(asset, version, page) {
  const response = await fetch(`/assets/${asset}/pages/fragment?version=${version}&page=${page}`, { headers: { 'HX-Request': 'true' } });
  const img = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('.pages img');
  return img?.getAttribute('src') || null;
}

/** Sets the source and, while the server answers "not yet" (404), tries again every 1.5 s for three minutes. */
export function loadRetrying(media, url, attempt = 0) {
  media.onerror = () => attempt < 120 && setTimeout(() => loadRetrying(media, url, attempt + 1), 1500);
  media.src = url;
}
