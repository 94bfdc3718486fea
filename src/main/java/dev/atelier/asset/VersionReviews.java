package dev.atelier.asset;

/**
 * What reviews made of versions: a module that approves versions (the workflow module) provides
 * it. Without one, every version is released and none was reviewed.
 */
public interface VersionReviews {

    /** Whether a viewer may download the version's original. */
    boolean released(AssetId asset, int version);

    /** Where the version's review stands. */
    ReviewState state(AssetId asset, int version);

    /** {@link #state} of many assets' versions at once (a page of a list). */
    default java.util.Map<AssetId, ReviewState> states(java.util.Map<AssetId, Integer> versions) {
        var states = new java.util.HashMap<AssetId, ReviewState>();
        versions.forEach((asset, version) -> states.put(asset, state(asset, version)));
        return states;
    }
}
