/**
 * Turning files into something people can see: renditions (thumbnail, preview) made
 * asynchronously after each new version, with a status per rendition (pending, ready, failed
 * with a reason, or unsupported type). The first engine is pure Java (ImageIO with
 * TwelveMonkeys) with pixel limits read from headers before decoding; the Media issue replaces
 * it with libvips in supervised worker processes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "storage", "asset"})
package dev.atelier.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
