package pl.ops.swiadczenia.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import pl.ops.swiadczenia.golden.GoldenCase;
import pl.ops.swiadczenia.service.CanonicalJson;

/** Request bodies for API tests, taken from the golden cases (one source of truth for the input shape). */
final class Requests {
    private Requests() {
    }

    /** Worked example W2 (złotówka za złotówkę, 140,66 zł a month). */
    static ObjectNode w2() {
        return (ObjectNode) GoldenCase.load(Path.of("test-cases/zasilek_rodzinny/przyklady_z_praktyki.yaml")).stream()
                .filter(c -> c.name().startsWith("W2 "))
                .findFirst().orElseThrow().input().deepCopy();
    }

    /** W2 on another legal date and filing date, with a farm of {@code hectares} hectares przeliczeniowe. */
    static ObjectNode w2WithFarm(String legalDate, String filed, int hectares) {
        ObjectNode req = w2();
        req.put("legalDate", legalDate);
        ObjectNode wn = (ObjectNode) req.get("wniosek");
        wn.put("dataZlozenia", filed);
        wn.putObject("dochod").put("hektaryPrzeliczeniowe", hectares);
        return req;
    }

    /**
     * Up to {@code perGroup} stored decisions of every legal state and release (rulesetId × releaseId), in the order
     * the search lists them: replaying each of them covers every state and every release the run stored under, without
     * replaying one by one the hundreds of decisions the fuzz test stores (it replays its own).
     */
    static java.util.List<String> decisionIdsOfEveryState(int perGroup) {
        java.util.Map<String, Integer> taken = new java.util.HashMap<>();
        java.util.List<String> ids = new java.util.ArrayList<>();
        int page = 0;
        JsonNode body;
        do {
            body = pl.ops.swiadczenia.service.CanonicalJson.tree(io.restassured.RestAssured.given().queryParam("page", page)
                    .queryParam("size", 100).when().get("/api/v1/decisions").then().statusCode(200).extract().asString());
            for (JsonNode i : body.get("items")) {
                String group = i.path("rulesetId").asText() + "|" + i.path("releaseId").asText();
                if (taken.merge(group, 1, Integer::sum) <= perGroup) {
                    ids.add(i.get("id").asText());
                }
            }
            page++;
        } while (page < body.get("totalPages").asInt());
        return ids;
    }

    static String json(JsonNode n) {
        return CanonicalJson.write(n);
    }
}
