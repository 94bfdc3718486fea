/**
 * Review rounds on one asset version: annotations (image regions, PDF pages, video and audio
 * timecodes) that each open a comment thread with replies, @mentions and attachments, resolved
 * and reopened; open annotations carried forward to the next version as a checklist the creator
 * marks addressed and a reviewer confirms; the review and compare pages. Publishes the
 * {@link dev.atelier.proofing.ProofingEvent}s (with the users each change mentions) for workflow,
 * notification and audit. Depends on no module that listens to it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "asset", "media", "brief"})
package dev.atelier.proofing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
