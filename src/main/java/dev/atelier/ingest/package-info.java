/**
 * Getting files in: streaming multipart uploads straight to the blob store, digest
 * verification ({@code Repr-Digest}, RFC 9530), size limits, type sniffing from content, and
 * neutralising hostile filenames. Only whole, verified content reaches the asset module.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "storage", "asset", "media"})
package dev.atelier.ingest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
