/**
 * The audit trail: one append-only, hash-chained record per state change that matters, written
 * in the same transaction as the change itself (a synchronous listener on the other modules'
 * events), so there is never a change without its record or a record without its change.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "asset", "brief", "workflow", "proofing"})
package dev.atelier.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
