/**
 * Finding assets: the {@code AssetIndex} port (an embedded Lucene index under
 * {@code atelier.home} by default), the query language people type, facets, sorting and keyset
 * paging, with each user's view rights applied inside the index query. The index mirrors the
 * database: it follows asset events within a second of commit, catches up by comparing
 * revisions at start, and can be rebuilt by an admin. Searches that find nothing are recorded.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "asset", "metadata", "collection"})
package dev.atelier.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
