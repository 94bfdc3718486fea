package dev.atelier.asset;

/**
 * Which versions may leave the building: a module that approves versions (the workflow module)
 * provides it. Without one, every version is released.
 */
public interface ReleasedVersions {

    /** Whether a viewer may download the version's original. */
    boolean released(AssetId asset, int version);
}
