package dev.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.audit.AuditRecord;
import dev.atelier.audit.AuditTrail;
import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.TestMail;
import dev.atelier.testsupport.UniqueWords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Reviews over HTTP on the real database: stages in parallel then in sequence, outcomes, rounds, routing, deadlines, the release guard. */
class WorkflowTests extends IntegrationTest {

    @Autowired
    WorkflowDeadlines deadlines;

    @Autowired
    AuditTrail audit;

    private String k;
    private Api brand;
    private Api legal;
    private Api finalReviewer;
    private Api creator;

    @BeforeEach
    void people() {
        k = UniqueWords.next();
        brand = as("brand-" + k, Role.REVIEWER);
        legal = as("legal-" + k, Role.REVIEWER);
        finalReviewer = as("final-" + k, Role.REVIEWER);
        creator = as("creator-" + k, Role.CONTRIBUTOR);
    }

    @Test
    void brandAndLegalInParallelThenFinalApproveTheVersionAndOnlyThenViewersMayDownloadIt() {
        String legalId = users.findByUsername("legal-" + k).orElseThrow().id().toString();
        String creatorId = users.findByUsername("creator-" + k).orElseThrow().id().toString();
        assertThat(admin().json("POST", "/api/v1/groups", "{\"name\":\"Legal " + k + "\",\"memberIds\":[\"" + legalId + "\",\"" + creatorId + "\"]}")
                .status()).isEqualTo(201);
        String template = template("""
                name: Campaign %1$s
                stages:
                  - key: brand
                    reviewers: { users: [brand-%1$s] }
                  - key: legal
                    reviewers: { groups: [Legal %1$s] }
                  - key: final
                    after: [brand, legal]
                    reviewers: { users: [final-%1$s] }
                """.formatted(k));
        String asset = upload(creator, "Poster " + k);
        Api viewer = as("viewer-" + k, Role.VIEWER);

        String workflow = start(creator, asset, template);
        assertThat(stages(workflow)).containsExactly("brand:active", "legal:active", "final:waiting");
        // the group's contributor may not judge work: only its reviewer is asked
        assertThat(admin().get("/api/v1/workflows/" + workflow).json().get("stages").get(1).get("reviewers").findValuesAsString("userId"))
                .containsExactly(legalId);
        assertThat(finalReviewer.json("POST", "/api/v1/workflows/" + workflow + "/decisions", "{\"verdict\":\"approve\"}").status()).isEqualTo(403);

        decide(brand, workflow, "approve", "");
        assertThat(stages(workflow)).containsExactly("brand:passed", "legal:active", "final:waiting");
        decide(legal, workflow, "approve-with-changes", "Add the small print");
        assertThat(stages(workflow)).containsExactly("brand:passed", "legal:passed", "final:active");
        assertThat(viewer.get("/api/v1/assets/" + asset + "/content").status()).isEqualTo(403);

        decide(finalReviewer, workflow, "approve", "");
        JsonNode done = admin().get("/api/v1/workflows/" + workflow).json();
        assertThat(done.get("status").asString()).isEqualTo("approved");
        assertThat(done.get("decisions")).hasSize(3);
        assertThat(done.get("decisions").get(0).get("sha256").asString()).hasSize(64);
        assertThat(viewer.get("/api/v1/assets/" + asset + "/content").status()).isEqualTo(200);
        var over = brand.json("POST", "/api/v1/workflows/" + workflow + "/decisions", "{\"verdict\":\"reject\",\"comment\":\"late\"}");
        assertThat(over.status()).isEqualTo(409);
        var admin = users.findByUsername("admin").orElseThrow().asActor();
        assertThat(audit.forSubject(admin, "workflow", workflow)).extracting(AuditRecord::action)
                .contains("workflow.started", "workflow.stage-started", "workflow.decision", "workflow.stage-completed", "workflow.version-approved");
    }

    @Test
    void reviewersAreMailedALinkToTheReviewWhenTheirStageStartsAndTheOwnerWhenItEnds() {
        withEmail("mailed-" + k, Role.REVIEWER);
        withEmail("owner-" + k, Role.CONTRIBUTOR);
        Api reviewer = Api.basic(port, "mailed-" + k, PASSWORD);
        Api owner = Api.basic(port, "owner-" + k, PASSWORD);
        String template = template("name: Mailed %1$s\nstages:\n  - key: brand\n    name: Brand\n    reviewers: { users: [mailed-%1$s] }\n".formatted(k));
        String asset = upload(owner, "Mailer " + k);

        String workflow = start(owner, asset, template);

        var request = TestMail.await("mailed-" + k + "@example.test", 1).getFirst();
        assertThat(request.subject()).isEqualTo("[Atelier] Please review 'Mailer " + k + "' (Brand)");
        assertThat(request.text()).contains("http://localhost:8080/workflows/" + workflow);
        assertThat(reviewer.get("/api/v1/notifications").json().get("unread").asInt()).isEqualTo(1);
        decide(reviewer, workflow, "approve", "");
        var outcome = TestMail.await("owner-" + k + "@example.test", 1).getFirst();
        assertThat(outcome.subject()).isEqualTo("[Atelier] 'Mailer " + k + "' v1: approved");
    }

    @Test
    void requestedChangesEndTheRoundAndTheNextVersionStartsTheNextRound() {
        String template = template("""
                name: Quick %1$s
                stages:
                  - key: brand
                    reviewers: { users: [brand-%1$s, legal-%1$s] }
                    rule: any
                """.formatted(k));
        String asset = upload(creator, "Banner " + k);
        String workflow = start(creator, asset, template);

        assertThat(brand.json("POST", "/api/v1/workflows/" + workflow + "/decisions", "{\"verdict\":\"reject\"}").status()).isEqualTo(400);
        decide(brand, workflow, "reject", "Wrong market");
        decide(brand, workflow, "request-changes", "On second thought: the logo is just too small");
        assertThat(admin().get("/api/v1/workflows/" + workflow).json().get("status").asString()).isEqualTo("running");
        decide(legal, workflow, "request-changes", "Missing claim source");
        JsonNode ended = admin().get("/api/v1/workflows/" + workflow).json();
        assertThat(ended.get("status").asString()).isEqualTo("changes-requested");
        List<String> trail = new ArrayList<>();
        ended.get("decisions").forEach(d -> trail.add(d.get("verdict").asString()));
        // the reject stays on record but was superseded: the round ends with changes requested, not rejected
        assertThat(trail).containsExactly("reject", "request-changes", "request-changes");

        creator.upload("/api/v1/assets/" + asset + "/versions", Multipart.file("banner-v2.txt", null, ("v2 " + k).getBytes()));
        JsonNode rounds = Poll.until(() -> admin().get("/api/v1/assets/" + asset + "/workflows").json(), r -> r.size() == 2, Duration.ofSeconds(20));
        assertThat(rounds.get(0).get("round").asInt()).isEqualTo(2);
        assertThat(rounds.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(rounds.get(0).get("status").asString()).isEqualTo("running");
    }

    @Test
    void routingPicksTheTemplateAndAddsAStageFromTheBrief() {
        String markets = admin().json("POST", "/api/v1/vocabularies", "{\"name\":\"Markets " + k + "\"}").json().get("id").asString();
        String eu = admin().json("POST", "/api/v1/vocabularies/" + markets + "/terms", "{\"label\":\"EU\"}").json().get("id").asString();
        String template = template("name: Routed %1$s\nstages:\n  - key: brand\n    reviewers: { users: [brand-%1$s] }\n".formatted(k));
        String briefTemplate = admin().json("POST", "/api/v1/brief-templates", """
                {"name":"Routed %s","fields":[{"key":"markets","label":"Markets","type":"markets","vocabularyId":"%s"}]}"""
                .formatted(k, markets)).json().get("id").asString();
        String brief = creator.json("POST", "/api/v1/briefs", "{\"templateId\":\"" + briefTemplate + "\",\"title\":\"EU push\",\"values\":{\"markets\":[\""
                + eu + "\"]}}").json().get("id").asString();
        var rule = admin().json("POST", "/api/v1/routing-rules", """
                {"name":"EU %1$s","conditions":[{"field":"market","operator":"IS","value":"EU"},{"field":"title","operator":"CONTAINS","value":"EU push"}],
                 "templateId":"%2$s","addStage":"key: gdpr\\nname: GDPR\\nreviewers: { users: [legal-%1$s] }"}""".formatted(k, template));
        assertThat(rule.status()).as(rule.text()).isEqualTo(201);
        String asset = upload(creator, "EU visual " + k);
        creator.json("POST", "/api/v1/briefs/" + brief + "/assets", "{\"assetId\":\"" + asset + "\"}");

        var started = creator.json("POST", "/api/v1/assets/" + asset + "/workflows", "{}");

        assertThat(started.status()).as(started.text()).isEqualTo(201);
        assertThat(started.json().get("template").asString()).isEqualTo("Routed " + k);
        assertThat(started.json().get("briefId").asString()).isEqualTo(brief);
        assertThat(stages(started.json().get("id").asString())).containsExactly("brand:active", "gdpr:active");
        admin().delete("/api/v1/routing-rules/" + rule.json().get("id").asString());
    }

    @Test
    void aDraftUploadedIntoABriefStartsTheBriefTemplatesWorkflow() {
        String template = template("name: Drafts %1$s\nstages:\n  - key: brand\n    reviewers: { users: [brand-%1$s] }\n".formatted(k));
        String briefTemplate = admin().json("POST", "/api/v1/brief-templates", "{\"name\":\"Drafted " + k
                + "\",\"fields\":[{\"key\":\"goals\",\"label\":\"Goals\",\"type\":\"text\"}]}").json().get("id").asString();
        assertThat(admin().json("PUT", "/api/v1/brief-templates/" + briefTemplate + "/workflow", "{\"workflowTemplateId\":\"" + template + "\"}")
                .status()).isEqualTo(200);
        String brief = creator.json("POST", "/api/v1/briefs", "{\"templateId\":\"" + briefTemplate + "\",\"title\":\"Spot\"}").json().get("id").asString();
        String asset = upload(creator, "Spot cut " + k);

        creator.json("POST", "/api/v1/briefs/" + brief + "/assets", "{\"assetId\":\"" + asset + "\",\"role\":\"draft\"}");

        JsonNode rounds = Poll.until(() -> admin().get("/api/v1/assets/" + asset + "/workflows").json(), r -> r.size() == 1, Duration.ofSeconds(20));
        assertThat(rounds.get(0).get("template").asString()).isEqualTo("Drafts " + k);
        assertThat(rounds.get(0).get("briefId").asString()).isEqualTo(brief);
        assertThat(brand.get("/api/v1/me/reviews").json().findValuesAsString("id")).contains(rounds.get(0).get("id").asString());
    }

    @Test
    void remindersBeforeAndAfterTheDueTimeThenEscalationFireOnceEach() {
        String template = template("""
                name: Timed %1$s
                stages:
                  - key: legal
                    reviewers: { users: [legal-%1$s, brand-%1$s] }
                    gatekeeper: final-%1$s
                    due: 2 days
                """.formatted(k));
        String asset = upload(creator, "Timed " + k);
        String workflow = start(creator, asset, template);
        Instant due = Instant.parse(admin().get("/api/v1/workflows/" + workflow).json().get("stages").get(0).get("dueAt").asString());
        decide(brand, workflow, "approve", "");

        assertThat(firedFor(due.minus(Duration.ofDays(1)).minusSeconds(60), workflow)).isEmpty();
        assertThat(firedFor(due.minus(Duration.ofDays(1)), workflow)).containsExactly("workflow.reminder-before");
        assertThat(firedFor(due.minusSeconds(1), workflow)).isEmpty();
        assertThat(firedFor(due, workflow)).containsExactly("workflow.reminder-after");
        assertThat(firedFor(due.plus(Duration.ofDays(1)), workflow)).containsExactly("workflow.escalation");
        assertThat(firedFor(due.plus(Duration.ofDays(3)), workflow)).isEmpty();
    }

    @Test
    void theOwnerSeesEachReviewerGoFromSentToOpenedCommentedAndDecided() {
        String template = template("name: States %1$s\nstages:\n  - key: brand\n    reviewers: { users: [brand-%1$s, legal-%1$s] }\n".formatted(k));
        String asset = creator.upload("/api/v1/assets", Multipart.file("s.png", "image/png", TestImages.png(64, 48, java.awt.Color.RED))
                .field("title", "States " + k)).json().get("id").asString();
        String workflow = start(creator, asset, template);
        assertThat(states(workflow)).containsExactly("sent", "sent");

        brand.get("/api/v1/workflows/" + workflow);
        assertThat(state(workflow, "brand-" + k)).isEqualTo("opened");
        var mark = brand.json("POST", "/api/v1/assets/" + asset + "/versions/1/annotations",
                "{\"mark\":{\"type\":\"image\",\"region\":{\"shape\":\"pin\",\"x\":0.5,\"y\":0.5}},\"body\":\"Crop tighter\"}");
        assertThat(mark.status()).as(mark.text()).isEqualTo(201);
        assertThat(state(workflow, "brand-" + k)).isEqualTo("commented");
        decide(brand, workflow, "approve", "");
        assertThat(state(workflow, "brand-" + k)).isEqualTo("decided");
        assertThat(state(workflow, "legal-" + k)).isEqualTo("sent");
    }

    @Test
    void severalAssetsGoIntoReviewAtOnceOrNoneDoes() {
        String template = template("name: Batch %1$s\nstages:\n  - key: brand\n    reviewers: { users: [brand-%1$s] }\n".formatted(k));
        String a = upload(creator, "Batch a " + k);
        String b = upload(creator, "Batch b " + k);
        String busy = upload(creator, "Batch busy " + k);
        start(creator, busy, template);

        var refused = creator.json("POST", "/api/v1/workflows", "{\"templateId\":\"" + template + "\",\"assetIds\":[\"" + a + "\",\"" + busy + "\"]}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/assets/" + a + "/workflows").json()).isEmpty();

        var started = creator.json("POST", "/api/v1/workflows", "{\"templateId\":\"" + template + "\",\"assetIds\":[\"" + a + "\",\"" + b + "\"]}");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        assertThat(started.json().findValuesAsString("assetId")).containsExactly(a, b);
    }

    @Test
    void theReviewStateOfTheCurrentVersionIsSearchableAndCountedAsAFacet() {
        String template = template("name: Status %1$s\nstages:\n  - key: brand\n    reviewers: { users: [brand-%1$s] }\n".formatted(k));
        String asset = upload(creator, "Status " + k);
        String other = upload(creator, "Status other " + k);
        assertThat(found("status:not-reviewed " + k, asset, other)).contains(asset, other);

        String first = start(creator, asset, template);
        assertThat(found("status:in-review " + k, asset)).containsExactly(asset);
        assertThat(admin().get("/api/v1/assets/" + asset).json().get("reviewState").asString()).isEqualTo("in-review");
        decide(brand, first, "request-changes", "Bigger logo");
        assertThat(found("status:changes-requested " + k, asset)).containsExactly(asset);

        // the next version starts the next round by itself; approving it makes the asset approved
        creator.upload("/api/v1/assets/" + asset + "/versions", Multipart.file("f.txt", null, ("v2 " + k).getBytes()));
        JsonNode rounds = Poll.until(() -> admin().get("/api/v1/assets/" + asset + "/workflows").json(), r -> r.size() == 2,
                Duration.ofSeconds(10));
        String second = rounds.findValuesAsString("id").stream().filter(id -> !id.equals(first)).findFirst().orElseThrow();
        assertThat(found("status:in-review " + k, asset)).containsExactly(asset);
        decide(brand, second, "approve", "");
        assertThat(found("status:approved " + k, asset)).containsExactly(asset);
        JsonNode all = Poll.until(() -> admin().get("/api/v1/search?q=" + k).json(), r -> statusCounts(r).contains("approved=1"),
                Duration.ofSeconds(10));
        assertThat(statusCounts(all)).containsExactlyInAnyOrder("approved=1", "not-reviewed=1");

        // a version nobody looked at yet is not approved, even when the one before was
        creator.upload("/api/v1/assets/" + asset + "/versions", Multipart.file("f.txt", null, ("v3 " + k).getBytes()));
        assertThat(found("status:not-reviewed " + k, asset)).contains(asset);
        assertThat(admin().get("/api/v1/search?q=" + enc("status:approved " + k)).json().get("items")).isEmpty();
    }

    /** The ids a search finds once the index shows {@code expected} (updates arrive after commit). */
    /** The ids a search finds, once it finds every one expected (the index follows uploads and decisions a moment later). */
    private List<String> found(String query, String... expected) {
        JsonNode result = Poll.until(() -> admin().get("/api/v1/search?q=" + enc(query)).json(),
                r -> r.get("items").findValuesAsString("id").containsAll(List.of(expected)), Duration.ofSeconds(10));
        return result.get("items").findValuesAsString("id");
    }

    private static List<String> statusCounts(JsonNode result) {
        List<String> counts = new ArrayList<>();
        result.get("facets").forEach(f -> {
            if (f.get("name").asString().equals("status")) {
                f.get("values").forEach(v -> counts.add(v.get("value").asString() + "=" + v.get("count").asLong()));
            }
        });
        return counts;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<String> states(String workflow) {
        return admin().get("/api/v1/workflows/" + workflow).json().get("stages").get(0).get("reviewers").findValuesAsString("state");
    }

    private String state(String workflow, String username) {
        String id = users.findByUsername(username).orElseThrow().id().toString();
        for (JsonNode r : admin().get("/api/v1/workflows/" + workflow).json().get("stages").get(0).get("reviewers")) {
            if (r.get("userId").asString().equals(id)) {
                return r.get("state").asString();
            }
        }
        throw new AssertionError(username + " does not review");
    }

    private List<String> firedFor(Instant now, String workflow) {
        var admin = users.findByUsername("admin").orElseThrow().asActor();
        int before = audit.forSubject(admin, "workflow", workflow).size();
        deadlines.check(now);
        var records = audit.forSubject(admin, "workflow", workflow);
        return records.subList(before, records.size()).stream().map(AuditRecord::action).toList();
    }

    private String template(String yaml) {
        var created = admin().body("POST", "/api/v1/workflow-templates", "application/yaml", yaml);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String upload(Api api, String title) {
        return api.upload("/api/v1/assets", Multipart.file("f.txt", null, (title + System.nanoTime()).getBytes()).field("title", title))
                .json().get("id").asString();
    }

    private String start(Api api, String asset, String template) {
        var started = api.json("POST", "/api/v1/assets/" + asset + "/workflows", "{\"templateId\":\"" + template + "\"}");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    private void decide(Api api, String workflow, String verdict, String comment) {
        var decided = api.json("POST", "/api/v1/workflows/" + workflow + "/decisions", "{\"verdict\":\"" + verdict + "\",\"comment\":\"" + comment + "\"}");
        assertThat(decided.status()).as(decided.text()).isEqualTo(201);
    }

    private List<String> stages(String workflow) {
        List<String> stages = new ArrayList<>();
        admin().get("/api/v1/workflows/" + workflow).json().get("stages").forEach(s -> stages.add(s.get("key").asString() + ":"
                + s.get("status").asString()));
        return stages;
    }
}
