package dev.atelier.asset;

import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The asset aggregate: its descriptive fields, its status and its versions. Every state change
 * goes through a guarded method that bumps {@link #revision()}, which is what {@code ETag} and
 * {@code If-Match} compare.
 */
public final class Asset {

    public static final int MAX_TITLE = 500;
    public static final int MAX_DESCRIPTION = 10_000;

    private final AssetId id;
    private final UserId ownerId;
    private final Instant createdAt;
    private final List<AssetVersion> versions;
    private String title;
    private String description;
    private AssetStatus status;
    private long revision;
    private Instant updatedAt;
    private Optional<Instant> trashedAt;
    private boolean confidential;

    /** An asset everyone with the viewer right may see. */
    public Asset(AssetId id, String title, String description, UserId ownerId, AssetStatus status, long revision,
            Instant createdAt, Instant updatedAt, Optional<Instant> trashedAt, List<AssetVersion> versions) {
        this(id, title, description, ownerId, status, revision, createdAt, updatedAt, trashedAt, versions, false);
    }

    /** @param confidential whether only the owner, managers and admins may see it */
    public Asset(AssetId id, String title, String description, UserId ownerId, AssetStatus status, long revision,
            Instant createdAt, Instant updatedAt, Optional<Instant> trashedAt, List<AssetVersion> versions, boolean confidential) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.ownerId = ownerId;
        this.status = status;
        this.revision = revision;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.trashedAt = trashedAt;
        this.versions = new ArrayList<>(versions);
        this.confidential = confidential;
    }

    static Asset create(AssetId id, String title, AssetVersion first) {
        return new Asset(id, checkedTitle(title), "", first.uploadedBy(), AssetStatus.ACTIVE, 1, first.uploadedAt(),
                first.uploadedAt(), Optional.empty(), List.of(first));
    }

    AssetVersion addVersion(NewContent content, UserId by, Instant at) {
        requireActive("add a version to");
        var version = new AssetVersion(versions.size() + 1, content.blobKey(), content.size(), content.mediaType(),
                content.filename(), by, at);
        versions.add(version);
        touch(at);
        return version;
    }

    void edit(Optional<String> newTitle, Optional<String> newDescription, Instant at) {
        requireActive("edit");
        newTitle.ifPresent(t -> this.title = checkedTitle(t));
        newDescription.ifPresent(d -> this.description = checkedDescription(d));
        touch(at);
    }

    void setConfidential(boolean confidential, Instant at) {
        requireActive("change who sees");
        this.confidential = confidential;
        touch(at);
    }

    void trash(Instant at) {
        requireActive("move");
        status = AssetStatus.TRASHED;
        trashedAt = Optional.of(at);
        touch(at);
    }

    void restore(Instant at) {
        if (status != AssetStatus.TRASHED) {
            throw new AssetStateException("The asset is not in the trash.");
        }
        status = AssetStatus.ACTIVE;
        trashedAt = Optional.empty();
        touch(at);
    }

    private void requireActive(String action) {
        if (status != AssetStatus.ACTIVE) {
            throw new AssetStateException("Restore the asset from the trash before you " + action + " it.");
        }
    }

    private void touch(Instant at) {
        revision++;
        updatedAt = at;
    }

    private static String checkedTitle(String title) {
        String t = title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            throw new dev.atelier.shared.InvalidRequestException("A title needs 1 to " + MAX_TITLE + " characters.");
        }
        return t;
    }

    private static String checkedDescription(String description) {
        if (description.length() > MAX_DESCRIPTION) {
            throw new dev.atelier.shared.InvalidRequestException("A description has at most " + MAX_DESCRIPTION + " characters.");
        }
        return description.strip();
    }

    public AssetId id() { return id; }
    public String title() { return title; }
    public String description() { return description; }
    public UserId ownerId() { return ownerId; }
    public AssetStatus status() { return status; }
    public long revision() { return revision; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Optional<Instant> trashedAt() { return trashedAt; }
    public List<AssetVersion> versions() { return Collections.unmodifiableList(versions); }
    public boolean confidential() { return confidential; }

    /** Confidential assets are seen by their owner, managers and admins only; the rest by every viewer. */
    public boolean visibleTo(dev.atelier.identity.Actor actor) {
        return !confidential || actor.id().equals(ownerId) || actor.has(dev.atelier.identity.Role.MANAGER);
    }

    public AssetVersion currentVersion() {
        return versions.getLast();
    }

    public Optional<AssetVersion> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }
}
