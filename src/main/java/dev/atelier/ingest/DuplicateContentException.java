package dev.atelier.ingest;

import dev.atelier.shared.ProblemException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The upload's content is already in the library and the policy blocks duplicates; a 409 problem naming where. */
public class DuplicateContentException extends ProblemException {

    private final List<UploadReceipt.ExistingAsset> existing;

    public DuplicateContentException(List<UploadReceipt.ExistingAsset> existing) {
        super(409, URI.create("/problems/duplicate-content"), "Already in the library",
                "This file is already in the library as \"" + existing.getFirst().title() + "\" (" + existing.getFirst().href()
                        + "). Add it as a new version there, or ask an admin to allow duplicates.");
        this.existing = List.copyOf(existing);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("existing", existing);
    }
}
