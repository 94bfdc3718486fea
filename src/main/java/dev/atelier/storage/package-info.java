/**
 * Where bytes live. A content-addressed {@link dev.atelier.storage.BlobStore}: every blob is
 * keyed by the SHA-256 of its content, so identical content is stored once and every read can
 * be checked for fixity. The filesystem backend is the default; later backends must pass the
 * same contract tests.
 */
@NullMarked
package dev.atelier.storage;

import org.jspecify.annotations.NullMarked;
