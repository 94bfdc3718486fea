/**
 * Small building blocks every module uses: UUIDv7 ids, problem types, paging cursors and the
 * clock. Nothing here knows about any other module.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.atelier.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
