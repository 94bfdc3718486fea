package dev.atelier.search.internal;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetStatus;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Role;
import dev.atelier.identity.Actor;
import dev.atelier.identity.UserId;
import dev.atelier.collection.CollectionManagement;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.AssetTagManagement;
import dev.atelier.metadata.FieldManagement;
import dev.atelier.metadata.ImageAnalysis;
import dev.atelier.metadata.ImageAnalysisManagement;
import dev.atelier.metadata.MetadataManagement;
import dev.atelier.metadata.TextManagement;
import dev.atelier.metadata.VersionText;
import dev.atelier.metadata.VersionMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Turns an asset into what the index stores about it. */
@Component
public class AssetDocuments {

    private final UserManagement users;
    private final AssetManagement assets;
    private final MetadataManagement metadata;
    private final CollectionManagement collections;
    private final FieldManagement fields;
    private final ImageAnalysisManagement analyses;
    private final TextManagement texts;
    private final AssetTagManagement tags;
    private final Map<UserId, String> usernames = new ConcurrentHashMap<>();

    AssetDocuments(AssetManagement assets, UserManagement users, MetadataManagement metadata, CollectionManagement collections, FieldManagement fields,
            ImageAnalysisManagement analyses, TextManagement texts, AssetTagManagement tags) {
        this.users = users;
        this.assets = assets;
        this.tags = tags;
        this.fields = fields;
        this.metadata = metadata;
        this.collections = collections;
        this.analyses = analyses;
        this.texts = texts;
    }

    AssetDocument of(Asset asset) {
        AssetVersion current = asset.currentVersion();
        List<String> filenames = asset.versions().reversed().stream().map(AssetVersion::originalFilename).distinct().toList();
        Optional<VersionMetadata> embedded = metadata.find(asset.id(), current.number())
                .filter(m -> m.status() != VersionMetadata.Status.PENDING);
        List<String> own = tags.forIndex(asset.id());
        List<String> keywords = embedded.map(m -> m.values(VersionMetadata.Field.KEYWORDS)).orElse(List.of());
        Optional<ImageAnalysis> analysis = analyses.find(asset.id(), current.number()).filter(a -> a.status() != ImageAnalysis.Status.PENDING);
        Optional<VersionText> text = texts.find(asset.id(), current.number()).filter(t -> t.status() != VersionText.Status.PENDING);
        return new AssetDocument(asset.id(), asset.revision(), asset.title(), asset.description(), filenames,
                typeOf(current.mediaType()), current.mediaType(), username(asset.ownerId()),
                asset.status() == AssetStatus.TRASHED, asset.createdAt(), asset.updatedAt(), current.size(),
                asset.versions().size(), readersOf(asset), embedded.isPresent(), embedded.map(EmbeddedFields::of).orElse(AssetDocument.Embedded.NONE),
                collections.containing(asset.id()).stream().map(java.util.UUID::toString).collect(java.util.stream.Collectors.toSet()),
                analysis.isPresent(), analysis.filter(ImageAnalysis::analysed).map(AssetDocuments::pixels).orElse(AssetDocument.Pixels.NONE),
                fields.forIndex(asset.id()), synonyms(java.util.stream.Stream.concat(keywords.stream(), own.stream()).toList()),
                text.isPresent(), text.map(VersionText::text).orElse(""), own,
                assets.reviewState(asset.id(), current.number()).slug());
    }

    private static AssetDocument.Pixels pixels(ImageAnalysis a) {
        return new AssetDocument.Pixels(a.colourNames(), a.transparent(), a.pixels(), a.faceCount());
    }

    private Set<String> synonyms(List<String> keywords) {
        Set<String> words = new java.util.LinkedHashSet<>();
        keywords.forEach(k -> words.addAll(fields.wordsForKeyword(k)));
        keywords.forEach(words::remove);
        return words;
    }

    /**
     * Who may see the asset, the same rule as {@link Asset#visibleTo}: every viewer, or for a
     * confidential asset its owner and managers (admins hold the manager right).
     */
    static Set<String> readersOf(Asset asset) {
        Role broadest = asset.confidential() ? Role.MANAGER : Role.VIEWER;
        return Set.of("role:" + broadest.name().toLowerCase(Locale.ROOT), "user:" + asset.ownerId().value());
    }

    /** The broad kind people filter by: image, video, audio, document or other. */
    static String typeOf(String mediaType) {
        return dev.atelier.asset.MediaTypeLabels.kind(mediaType);
    }

    private String username(UserId id) {
        return usernames.computeIfAbsent(id, k -> users.get(k).username());
    }

    /** A user's principals, matched against {@link AssetDocument#readers()}. */
    public static Set<String> principalsOf(Actor actor) {
        var principals = new HashSet<String>();
        actor.role().grants().forEach(r -> principals.add("role:" + r.name().toLowerCase(Locale.ROOT)));
        principals.add("user:" + actor.id().value());
        return principals;
    }
}
