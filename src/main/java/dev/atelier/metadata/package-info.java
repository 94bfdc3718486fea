/**
 * What files say about themselves, and (later) what people say about them: EXIF, IPTC and XMP
 * (camera, dates, GPS, creator, copyright, keywords, captions, rights) read from every version by
 * {@code exiftool} in a bounded subprocess, kept per version, shown on the asset page and handed
 * to search. Publishes {@link dev.atelier.metadata.MetadataExtracted}. Automatic tags from each
 * version's pixels (dominant colours, transparency, megapixels, a perceptual hash for
 * near-duplicates) are computed by the media workers and kept here; publishes
 * {@link dev.atelier.metadata.ImageAnalysed}. The text of documents (Apache Tika) and images
 * (OCR), read by the media module's workers, is kept per version for full-text search; publishes
 * {@link dev.atelier.metadata.TextExtracted}. Custom fields (the metadata schema), controlled
 * vocabularies, bulk edits and collection defaults live here too.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "storage", "asset", "collection", "media"})
package dev.atelier.metadata;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
