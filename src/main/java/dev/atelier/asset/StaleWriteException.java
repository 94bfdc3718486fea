package dev.atelier.asset;

/** The caller edited a revision that is no longer current; it must reload and retry. */
public class StaleWriteException extends dev.atelier.shared.ProblemException {

    public StaleWriteException(AssetId id, long current) {
        super(412, dev.atelier.shared.Problems.STALE_WRITE, "Stale write",
                "Asset " + id + " has changed since you loaded it; reload it and apply your change again.");
    }
}
