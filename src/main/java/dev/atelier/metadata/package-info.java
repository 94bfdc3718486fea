/**
 * What files say about themselves, and (later) what people say about them: EXIF, IPTC and XMP
 * (camera, dates, GPS, creator, copyright, keywords, captions, rights) read from every version by
 * {@code exiftool} in a bounded subprocess, kept per version, shown on the asset page and handed
 * to search; and the text of documents (Apache Tika) and images (OCR), read by the media module's
 * workers and kept per version for full-text search. Publishes
 * {@link dev.atelier.metadata.MetadataExtracted} and {@link dev.atelier.metadata.TextExtracted}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "storage", "asset", "media"})
package dev.atelier.metadata;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
