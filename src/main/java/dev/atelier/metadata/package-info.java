/**
 * What files say about themselves, and (later) what people say about them: EXIF, IPTC and XMP
 * (camera, dates, GPS, creator, copyright, keywords, captions, rights) read from every version by
 * {@code exiftool} in a bounded subprocess, kept per version, shown on the asset page and handed
 * to search. Publishes {@link dev.atelier.metadata.MetadataExtracted}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "storage", "asset", "collection"})
package dev.atelier.metadata;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
