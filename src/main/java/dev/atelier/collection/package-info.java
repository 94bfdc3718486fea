/**
 * Ways to gather assets: folders (nestable), flat collections and smart collections (a saved
 * search that fills itself). An asset may be in any number of folders and collections.
 * Publishes {@link dev.atelier.collection.CollectionMembershipChanged} so mirrors (the search
 * index) follow.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "asset"})
package dev.atelier.collection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
