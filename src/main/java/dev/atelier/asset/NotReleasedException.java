package dev.atelier.asset;

import java.net.URI;

/** A viewer asked for the original of a version no review has approved. A 403. */
public class NotReleasedException extends dev.atelier.shared.ProblemException {

    public static final URI TYPE = URI.create("/problems/not-approved");

    public NotReleasedException(AssetId asset, int version) {
        super(403, TYPE, "Not approved", "Version " + version + " of asset " + asset + " has not been approved yet; "
                + "viewers may download approved versions only.");
    }
}
