package dev.atelier.asset;

/** The caller edited a revision that is no longer current; it must reload and retry. */
public class StaleWriteException extends dev.atelier.shared.StaleRevisionException {

    public StaleWriteException(AssetId id, long current) {
        super("Asset " + id);
    }
}
