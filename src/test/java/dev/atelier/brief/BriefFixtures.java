package dev.atelier.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.UniqueWords;

/** Vocabularies, templates, briefs and assets made over the API, for brief tests. */
final class BriefFixtures {

    private final Api admin;

    BriefFixtures(Api admin) {
        this.admin = admin;
    }

    /** A new vocabulary; returns its id. */
    String vocabulary(String name) {
        return created(admin.json("POST", "/api/v1/vocabularies", "{\"name\":\"" + name + " " + UniqueWords.next() + "\"}"));
    }

    String term(String vocabulary, String label, String parent) {
        return created(admin.json("POST", "/api/v1/vocabularies/" + vocabulary + "/terms",
                "{\"label\":\"" + label + "\"" + (parent == null ? "" : ",\"parent\":\"" + parent + "\"") + "}"));
    }

    /** A campaign template: goals (required long text), budget (money), channels and markets, milestones, approval checkbox. */
    String campaignTemplate(String channels, String markets, String reviewerIds) {
        return created(admin.json("POST", "/api/v1/brief-templates", """
                {"name":"Campaign %s","description":"For campaigns","reviewerIds":[%s],"fields":[
                  {"key":"goals","label":"Goals","type":"long-text","required":true,"help":"What should change?"},
                  {"key":"budget","label":"Budget","type":"money","required":true},
                  {"key":"channels","label":"Channels","type":"channels","vocabularyId":"%s"},
                  {"key":"markets","label":"Markets","type":"markets","vocabularyId":"%s"},
                  {"key":"tone","label":"Tone","type":"choice","options":["Playful","Serious"]},
                  {"key":"plan","label":"Milestones","type":"milestones"},
                  {"key":"references","label":"References","type":"assets"},
                  {"key":"signed_off","label":"Budget signed off","type":"checkbox","required":true}]}
                """.formatted(UniqueWords.next(), reviewerIds, channels, markets)));
    }

    String asset(String title) {
        byte[] bytes = (title + " " + System.nanoTime()).getBytes();
        return admin.upload("/api/v1/assets", Multipart.file("f.txt", null, bytes).field("title", title)).json().get("id").asString();
    }

    static String created(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
