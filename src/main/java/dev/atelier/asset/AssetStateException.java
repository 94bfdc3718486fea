package dev.atelier.asset;

/** A transition the asset's state does not allow, such as restoring an asset that is not in the trash. */
public class AssetStateException extends dev.atelier.shared.ProblemException {

    public AssetStateException(String message) {
        super(409, dev.atelier.shared.Problems.CONFLICT, "Not possible in this state", message);
    }
}
