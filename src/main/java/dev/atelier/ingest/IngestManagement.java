package dev.atelier.ingest;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetStateException;
import dev.atelier.asset.AssetStatus;
import dev.atelier.asset.StaleWriteException;
import dev.atelier.asset.AssetVersion;
import dev.atelier.asset.NewContent;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.ingest.internal.TypeSniffer;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Turns a received upload into an asset or a new version. The order is what keeps data safe:
 * verify the digest, commit the blob (fsync + rename), and only then record the version in the
 * database. A failure before the commit leaves nothing; a crash between commit and row leaves
 * an orphan blob for later collection, never a row without content.
 *
 * <p>Deliberately not transactional: file I/O stays outside database transactions; the asset
 * module opens its own.
 */
@Service
public class IngestManagement {

    private static final int VERSION_RACE_ATTEMPTS = 10;

    private final AssetManagement assets;
    private final TypeSniffer sniffer;
    private final IngestProperties properties;
    private final NamingManagement naming;

    IngestManagement(AssetManagement assets, TypeSniffer sniffer, IngestProperties properties, NamingManagement naming) {
        this.assets = assets;
        this.sniffer = sniffer;
        this.properties = properties;
        this.naming = naming;
    }

    /** Checked before any byte is read, so a viewer cannot fill the disk. */
    public void requireMayUpload(Actor actor) {
        actor.require(Role.CONTRIBUTOR);
    }

    /**
     * @param claimedSha256 the SHA-256 the client claims (header or field), hex
     * @throws DigestMismatchException when the content hashes differently; nothing is kept
     * @throws DuplicateContentException when the content is already an asset's and the policy blocks duplicates
     */
    public UploadReceipt createAsset(Actor actor, ReceivedUpload upload, Optional<String> claimedSha256) {
        requireMayUpload(actor);
        verify(upload, claimedSha256);
        List<UploadReceipt.ExistingAsset> duplicates = properties.duplicates() == IngestProperties.DuplicatePolicy.ALLOW ? List.of()
                : assets.holding(actor, upload.staged().key()).stream().map(IngestManagement::existing).toList();
        if (!duplicates.isEmpty() && properties.duplicates() == IngestProperties.DuplicatePolicy.BLOCK) {
            upload.close();
            throw new DuplicateContentException(duplicates);
        }
        Inspected inspected = inspect(upload);
        NewContent content = commit(upload, inspected);
        String title = upload.field("title").orElse(FileNames.baseName(content.filename()));
        Asset asset = assets.create(actor, title, content);
        return receipt(asset, asset.currentVersion(), duplicates, inspected.warnings());
    }

    private static UploadReceipt.ExistingAsset existing(Asset a) {
        return new UploadReceipt.ExistingAsset(a.id().toString(), a.title(), "/assets/" + a.id());
    }

    /** Checked before any byte is read: the asset exists and is not in the trash. */
    public void requireMayAddVersion(Actor actor, AssetId id) {
        requireMayUpload(actor);
        if (assets.get(actor, id).status() != AssetStatus.ACTIVE) {
            throw new AssetStateException("Restore the asset from the trash before you add a version to it.");
        }
    }

    /** Like {@link #createAsset}, appending a version to an existing asset. */
    public UploadReceipt addVersion(Actor actor, AssetId id, ReceivedUpload upload, Optional<String> claimedSha256) {
        requireMayAddVersion(actor, id);
        verify(upload, claimedSha256);
        Inspected inspected = inspect(upload);
        Asset asset = addVersionRetryingRaces(actor, id, commit(upload, inspected));
        return receipt(asset, asset.currentVersion(), List.of(), inspected.warnings());
    }

    /**
     * Two uploads to one asset at the same moment both want the next number; the loser's write
     * is stale. Its content is already safely stored, so it simply takes the number after.
     */
    private Asset addVersionRetryingRaces(Actor actor, AssetId id, NewContent content) {
        for (int attempt = 1; ; attempt++) {
            try {
                return assets.addVersion(actor, id, content);
            } catch (StaleWriteException | DuplicateKeyException e) {
                if (attempt == VERSION_RACE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void verify(ReceivedUpload upload, Optional<String> claimedSha256) {
        String actual = upload.staged().key().sha256();
        Optional<String> claimed = claimedSha256.or(() -> ContentDigests.fromHex(upload.fields().get("sha256")));
        if (claimed.isPresent() && !claimed.get().equals(actual)) {
            upload.close();
            throw new DigestMismatchException(claimed.get(), actual);
        }
    }

    /** The upload's safe name and sniffed type, and the naming rules it breaks that only warn. */
    private record Inspected(String filename, String mediaType, List<String> warnings) {}

    /** @throws NamingConventionException when the name breaks a rejecting rule; nothing is kept */
    private Inspected inspect(ReceivedUpload upload) {
        String filename = FileNames.sanitize(upload.filename());
        String mediaType = sniffer.detect(upload.staged(), filename);
        List<NamingRule> broken = naming.broken(filename, mediaType);
        var rejecting = broken.stream().filter(r -> r.mode() == NamingRule.Mode.REJECT).findFirst();
        if (rejecting.isPresent()) {
            upload.close();
            throw new NamingConventionException(filename, rejecting.get());
        }
        return new Inspected(filename, mediaType, broken.stream()
                .map(r -> "The file name does not follow " + r.name() + ": " + r.template().template() + " (for example "
                        + r.template().example() + ")")
                .toList());
    }

    private static NewContent commit(ReceivedUpload upload, Inspected inspected) {
        var staged = upload.staged();
        staged.commit();
        return new NewContent(staged.key(), staged.size(), inspected.mediaType(), inspected.filename());
    }

    private static UploadReceipt receipt(Asset asset, AssetVersion v, List<UploadReceipt.ExistingAsset> duplicates,
            List<String> namingWarnings) {
        return new UploadReceipt(asset.id().toString(), v.number(), v.blobKey().sha256(), v.size(), v.mediaType(),
                v.originalFilename(), asset.title(), duplicates, namingWarnings);
    }
}
