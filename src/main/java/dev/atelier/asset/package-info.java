/**
 * Assets and their versions. An asset is the thing people talk about ("the spring campaign
 * hero"); each upload of its content is a new immutable {@link dev.atelier.asset.AssetVersion}
 * pointing at a blob. Assets go to the trash and come back; nothing here ever deletes content.
 * Publishes {@link dev.atelier.asset.AssetVersionAdded}, {@link dev.atelier.asset.AssetEdited},
 * {@link dev.atelier.asset.AssetTrashed} and {@link dev.atelier.asset.AssetRestored}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "storage"})
package dev.atelier.asset;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
