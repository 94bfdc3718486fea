package dev.atelier.brief;

import static dev.atelier.brief.BriefFixtures.created;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.audit.AuditRecord;
import dev.atelier.audit.AuditTrail;
import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Templates, briefs, intake and rules over HTTP, on the real database. */
class BriefTests extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    private BriefFixtures fixtures;
    private String channels;
    private String markets;
    private String social;
    private String eu;
    private String germany;
    private String us;

    @BeforeEach
    void vocabularies() {
        fixtures = new BriefFixtures(admin());
        channels = fixtures.vocabulary("Channels");
        markets = fixtures.vocabulary("Markets");
        social = fixtures.term(channels, "Social", null);
        eu = fixtures.term(markets, "EU", null);
        germany = fixtures.term(markets, "Germany", eu);
        us = fixtures.term(markets, "US", null);
    }

    @Test
    void aTemplateWithBrokenFieldsIsRefusedWithEveryProblemNamed() {
        var response = admin().json("POST", "/api/v1/brief-templates", """
                {"name":"","fields":[{"key":"Bad Key","label":"X","type":"text"},
                  {"key":"tone","label":"Tone","type":"choice"},
                  {"key":"tone","label":"Again","type":"channels"}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-fields");
        assertThat(fields(response.json())).contains("name", "fields[0].key", "fields[1].options", "fields[2].key", "fields[2].vocabulary");
        assertThat(admin().json("POST", "/api/v1/brief-templates", "{\"name\":\"T\",\"fields\":[{\"key\":\"a\",\"label\":\"A\",\"type\":\"colour\"}]}")
                .json().get("detail").asString()).contains("not a brief field type");
        assertThat(as("contributor-t", Role.CONTRIBUTOR).json("POST", "/api/v1/brief-templates", "{\"name\":\"T\"}").status()).isEqualTo(403);
    }

    @Test
    void aDraftTakesOnlyWellFormedValuesAndKeepsItsLastGoodState() {
        String template = fixtures.campaignTemplate(channels, markets, "");
        String brief = created(admin().json("POST", "/api/v1/briefs", """
                {"templateId":"%s","title":"Spring launch","values":{"goals":"More sign-ups","budget":{"amount":"12500.50","currency":"eur"}}}
                """.formatted(template)));

        var bad = admin().json("PUT", "/api/v1/briefs/" + brief, """
                {"title":"Spring launch","values":{"budget":"lots","tone":"Grumpy","plan":[{"name":"Shoot","due":"someday"}],
                 "channels":["%s"],"nope":"x"}}""".formatted(eu));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.json())).containsExactlyInAnyOrder("budget", "tone", "plan", "channels", "nope");
        JsonNode kept = admin().get("/api/v1/briefs/" + brief).json();
        assertThat(kept.get("values").get("budget").get("amount").asString()).isEqualTo("12500.50");
        assertThat(kept.get("values").get("budget").get("currency").asString()).isEqualTo("EUR");
        assertThat(kept.get("status").asString()).isEqualTo("draft");
        assertThat(kept.get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void submittingNeedsEveryRequiredFieldThenTheReviewerDecides() {
        Api reviewer = as("brief-reviewer", Role.REVIEWER);
        String reviewerId = users.findByUsername("brief-reviewer").orElseThrow().id().toString();
        String template = fixtures.campaignTemplate(channels, markets, "\"" + reviewerId + "\"");
        Api owner = as("brief-owner", Role.CONTRIBUTOR);
        String brief = created(owner.json("POST", "/api/v1/briefs", "{\"templateId\":\"" + template + "\",\"title\":\"Autumn\"}"));

        Api colleague = as("brief-colleague", Role.CONTRIBUTOR);
        assertThat(colleague.get("/api/v1/briefs/" + brief).status()).as("a draft is its owner's until submitted").isEqualTo(404);
        assertThat(colleague.get("/api/v1/briefs?status=draft").json().findValuesAsString("id")).doesNotContain(brief);

        var incomplete = owner.post("/api/v1/briefs/" + brief + "/submit");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(fields(incomplete.json())).containsExactlyInAnyOrder("goals", "budget", "signed_off", "due", "criteria");
        assertThat(owner.get("/api/v1/briefs/" + brief).json().get("status").asString()).isEqualTo("draft");

        var filled = owner.json("PUT", "/api/v1/briefs/" + brief, """
                {"title":"Autumn","due":"2031-10-01","criteria":["Logo visible","Under 30 s"],
                 "values":{"goals":"Awareness","budget":"9000 USD","signed_off":true,"plan":[{"name":"Shoot","due":"2031-11-01"}]}}""",
                "If-Match", "\"r1\"");
        assertThat(filled.status()).isEqualTo(200);
        var lateMilestone = owner.post("/api/v1/briefs/" + brief + "/submit");
        assertThat(fields(lateMilestone.json())).containsExactly("plan");
        owner.json("PUT", "/api/v1/briefs/" + brief, """
                {"title":"Autumn","due":"2031-10-01","criteria":["Logo visible","Under 30 s"],
                 "values":{"goals":"Awareness","budget":"9000 USD","signed_off":true,"plan":[{"name":"Shoot","due":"2031-09-01"}]}}""");
        assertThat(owner.post("/api/v1/briefs/" + brief + "/submit").json().get("status").asString()).isEqualTo("submitted");
        assertThat(colleague.get("/api/v1/briefs/" + brief).status()).isEqualTo(200);
        assertThat(owner.json("PUT", "/api/v1/briefs/" + brief + "/criteria/1", "{\"met\":true}").status())
                .as("the owner ticks criteria only while writing").isEqualTo(403);
        assertThat(owner.json("PUT", "/api/v1/briefs/" + brief, "{\"title\":\"Changed\"}").status()).isEqualTo(409);

        assertThat(as("other-reviewer", Role.REVIEWER).json("POST", "/api/v1/briefs/" + brief + "/accept", "{}").status()).isEqualTo(403);
        assertThat(reviewer.json("POST", "/api/v1/briefs/" + brief + "/return", "{}").status()).isEqualTo(400);
        JsonNode returned = reviewer.json("POST", "/api/v1/briefs/" + brief + "/return", "{\"comment\":\"Budget too low\"}").json();
        assertThat(returned.get("status").asString()).isEqualTo("returned");
        assertThat(returned.get("decision").get("comment").asString()).isEqualTo("Budget too low");
        assertThat(owner.post("/api/v1/briefs/" + brief + "/submit").status()).isEqualTo(200);
        assertThat(reviewer.json("POST", "/api/v1/briefs/" + brief + "/accept", "{}").json().get("status").asString()).isEqualTo("accepted");
        assertThat(reviewer.json("PUT", "/api/v1/briefs/" + brief + "/criteria/1", "{\"met\":true}").json().get("criteria").get(0).get("met")
                .asBoolean()).isTrue();
        var admin = users.findByUsername("admin").orElseThrow().asActor();
        assertThat(audit.forSubject(admin, "brief", brief)).extracting(AuditRecord::action).contains("brief.created", "brief.edited",
                "brief.submitted", "brief.returned", "brief.accepted", "brief.criterion-met");
    }

    @Test
    void aStaleEditIsRefusedAndChangesNothing() {
        String template = fixtures.campaignTemplate(channels, markets, "");
        String brief = created(admin().json("POST", "/api/v1/briefs", "{\"templateId\":\"" + template + "\",\"title\":\"One\"}"));
        admin().json("PUT", "/api/v1/briefs/" + brief, "{\"title\":\"Two\"}", "If-Match", "\"r1\"");

        var stale = admin().json("PUT", "/api/v1/briefs/" + brief, "{\"title\":\"Three\"}", "If-Match", "\"r1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(admin().get("/api/v1/briefs/" + brief).json().get("title").asString()).isEqualTo("Two");
    }

    @Test
    void rulesAddTheDisclaimerWhenTheBriefsFieldsMatchAndDropItWhenTheyNoLongerDo() {
        String rule = created(admin().json("POST", "/api/v1/brief-rules", """
                {"name":"EU social %s","conditions":[{"field":"market","operator":"IS","value":"eu"},
                  {"field":"channel","operator":"IS","value":"Social"}],
                 "disclaimer":"Ads in the EU must be labelled as such.","legalReview":true,"mandatoryStep":"Legal review"}"""
                .formatted(fixtures.hashCode())));
        String template = fixtures.campaignTemplate(channels, markets, "");
        String brief = created(admin().json("POST", "/api/v1/briefs", """
                {"templateId":"%s","title":"Berlin","values":{"markets":["%s"],"channels":["%s"]}}""".formatted(template, germany, social)));

        JsonNode notes = admin().get("/api/v1/briefs/" + brief).json();
        assertThat(notes.get("legalReviewRequired").asBoolean()).isTrue();
        assertThat(notes.get("notes").get(0).get("disclaimer").asString()).isEqualTo("Ads in the EU must be labelled as such.");
        assertThat(notes.get("notes").get(0).get("mandatoryStep").asString()).isEqualTo("Legal review");

        JsonNode moved = admin().json("PUT", "/api/v1/briefs/" + brief, """
                {"title":"Berlin","values":{"markets":["%s"],"channels":["%s"]}}""".formatted(us, social)).json();
        assertThat(moved.get("notes")).isEmpty();
        assertThat(moved.get("legalReviewRequired").asBoolean()).isFalse();
        assertThat(admin().json("POST", "/api/v1/brief-rules", "{\"name\":\"Nothing\",\"conditions\":[]}").status()).isEqualTo(400);
        assertThat(admin().delete("/api/v1/brief-rules/" + rule).status()).isEqualTo(204);
    }

    @Test
    void assetsLinkedToABriefKnowTheirBriefs() {
        String guideline = fixtures.asset("Brand book");
        String reference = fixtures.asset("Last year's spot");
        String template = created(admin().json("POST", "/api/v1/brief-templates", """
                {"name":"Spot","guidelineIds":["%s"],"fields":[{"key":"refs","label":"References","type":"assets"}]}""".formatted(guideline)));
        String brief = created(admin().json("POST", "/api/v1/briefs", """
                {"templateId":"%s","title":"Winter spot","values":{"refs":["%s"]}}""".formatted(template, reference)));
        String draft = fixtures.asset("Cut 1");

        assertThat(admin().json("POST", "/api/v1/briefs/" + brief + "/assets", "{\"assetId\":\"" + draft + "\"}").status()).isEqualTo(201);

        List<String> roles = new ArrayList<>();
        admin().get("/api/v1/briefs/" + brief + "/assets").json().forEach(l -> roles.add(l.get("role").asString() + ":" + l.get("assetId").asString()));
        assertThat(roles).containsExactlyInAnyOrder("guideline:" + guideline, "reference:" + reference, "draft:" + draft);
        assertThat(admin().get("/api/v1/assets/" + draft + "/briefs").json().get(0).get("title").asString()).isEqualTo("Winter spot");
        assertThat(admin().json("POST", "/api/v1/briefs/" + brief + "/assets", "{\"assetId\":\"" + draft + "\",\"role\":\"guideline\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void aSubmittedBriefGetsItsCardAndLosesItWhenReturned() {
        String board = created(admin().json("POST", "/api/v1/boards", "{\"name\":\"Team " + fixtures.hashCode() + "\"}"));
        String template = created(admin().json("POST", "/api/v1/brief-templates",
                "{\"name\":\"Quick\",\"fields\":[{\"key\":\"goals\",\"label\":\"Goals\",\"type\":\"text\",\"required\":true}]}"));
        String brief = created(admin().json("POST", "/api/v1/briefs", """
                {"templateId":"%s","title":"Banner","due":"2031-01-15","boardId":"%s","criteria":["On brand"],"values":{"goals":"Clicks"}}"""
                .formatted(template, board)));
        assertThat(cards(board)).isEmpty();

        admin().post("/api/v1/briefs/" + brief + "/submit");
        assertThat(cards(board)).containsExactly("Intake:Banner");

        admin().json("POST", "/api/v1/briefs/" + brief + "/return", "{\"comment\":\"Which sizes?\"}");
        assertThat(cards(board)).isEmpty();
        admin().post("/api/v1/briefs/" + brief + "/submit");
        admin().json("POST", "/api/v1/briefs/" + brief + "/accept", "{}");
        assertThat(cards(board)).containsExactly("Intake:Banner");
    }

    private List<String> cards(String board) {
        List<String> cards = new ArrayList<>();
        admin().get("/api/v1/boards/" + board).json().get("columns").forEach(c -> c.get("cards")
                .forEach(card -> cards.add(c.get("name").asString() + ":" + card.get("title").asString())));
        return cards;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
