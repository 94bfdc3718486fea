package dev.atelier.proofing.web;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetVersion;
import dev.atelier.brief.Brief;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.proofing.Annotation;
import dev.atelier.proofing.CarriedItem;
import dev.atelier.proofing.Comment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** What the review page shows: the preview to draw on, the threads, the carried checklist and the briefs' criteria. */
record ReviewView(Asset asset, AssetVersion version, String kind, String media, int pages, List<ThreadView> threads, long open,
        List<ItemView> carried, List<BriefView> briefs, boolean mayAnnotate, boolean mayAddress, boolean mayConfirm) {

    record CommentView(String author, String body, Instant at, List<String> mentions, List<AssetId> attachments) {}

    record ThreadView(String id, int number, String markJson, String where, boolean open, List<CommentView> comments, String resolvedBy) {}

    record ItemView(String id, String label, String state, String thread, boolean mayAddress, boolean mayConfirm) {}

    record BriefView(String id, String title, List<Brief.Criterion> criteria, boolean mayTick) {}

    /** How the version is previewed: image, page (PDF and multi-page images), video or audio. */
    static String kind(AssetVersion v, Map<String, String> facts) {
        String type = v.mediaType();
        if (type.startsWith("video/")) {
            return "video";
        }
        if (type.startsWith("audio/")) {
            return "audio";
        }
        return type.equals("application/pdf") || facts.containsKey("pages") ? "page" : "image";
    }

    /** The URL the media element loads: the preview image, or the playable proxy; pages are fetched one by one. */
    static String media(AssetId asset, int version, String kind) {
        String rendition = kind.equals("video") || kind.equals("audio") ? "proxy" : "preview";
        return "/assets/" + asset + "/renditions/" + rendition + "?version=" + version;
    }

    static ThreadView thread(Annotation a, ProofingResources.Names names, JsonMapper json) {
        List<CommentView> comments = a.thread().stream().map(c -> comment(c, names)).toList();
        return new ThreadView(a.id().toString(), a.number(), json.writeValueAsString(MarkBody.of(a.mark())), a.mark().describe(), a.open(),
                comments, a.resolved().map(r -> names.of(r.by())).orElse(""));
    }

    private static CommentView comment(Comment c, ProofingResources.Names names) {
        return new CommentView(names.of(c.author()), c.body(), c.createdAt(), c.mentions().stream().map(names::of).toList(), c.attachments());
    }

    static ItemView item(Asset asset, CarriedItem i, Actor actor, boolean mayAddress) {
        return new ItemView(i.id().toString(), i.label(), i.state().name().toLowerCase(),
                "/assets/" + asset.id() + "/review?version=" + i.fromVersion() + "#a-" + i.annotation(),
                mayAddress && i.state() == CarriedItem.State.OPEN, actor.has(Role.REVIEWER) && i.state() != CarriedItem.State.OPEN);
    }

    static BriefView brief(Brief b, Actor actor) {
        return new BriefView(b.id().toString(), b.title(), b.criteria(), actor.has(Role.REVIEWER) || actor.id().equals(b.owner()));
    }
}
