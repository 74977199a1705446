package pl.ops.swiadczenia.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders a stored decision as a printable HTML document in Polish: header, outcome, key figures, payable amounts
 * and every explanation step with its legal basis. Built only from the stored JSON, so it prints what was decided.
 */
final class DecisionDocument {
    private DecisionDocument() {
    }

    static String html(JsonNode d, String title) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"pl\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>")
                .append("body{font-family:serif;max-width:48rem;margin:2rem auto;line-height:1.4}")
                .append("table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left;vertical-align:top}")
                .append(".num{text-align:right;white-space:nowrap}.cite{font-size:.85em;color:#333}.small{font-size:.8em;color:#555}")
                .append("@media print{body{margin:0}}</style></head><body>");
        // everything people read comes from the decision's view (service/DecisionView): display names, amounts in
        // złoty, months and dates in Polish; identifiers only where an auditor needs them (decision number, hashes)
        JsonNode v = d.path("display").path("pl");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<table>");
        row(h, "Numer decyzji", d.path("id").asText());
        row(h, "Data wydania (UTC)", d.path("createdAt").asText());
        if (!d.path("caseReference").isNull() && !d.path("caseReference").asText().isEmpty()) {
            row(h, "Znak sprawy", d.path("caseReference").asText());
        }
        row(h, "Świadczenie", v.path("benefit").asText());
        row(h, "Data prawna sprawy", v.path("legalDate").asText());
        row(h, "Rozstrzygnięcie", v.path("outcome").asText().toUpperCase(java.util.Locale.forLanguageTag("pl")));
        row(h, "Kwota łącznie", v.path("total").asText());
        row(h, "Stan prawny (wersja reguł)", d.path("rulesetId").asText() + " (SHA-256 " + d.path("rulesetSha256").asText() + ")");
        for (JsonNode m : d.path("modules")) {
            row(h, "Zestaw wspólny", m.path("rulesetId").asText() + " (SHA-256 " + m.path("rulesetSha256").asText() + ")");
        }
        h.append("</table>");

        if (v.path("persons").size() > 0) {
            h.append("<h2>Członkowie rodziny</h2><ul>");
            for (JsonNode p : v.path("persons")) {
                h.append("<li>").append(esc(p.asText())).append("</li>");
            }
            h.append("</ul>");
        }

        if (v.path("keyFigures").size() > 0) {
            h.append("<h2>Wartości ustalone</h2><table>");
            for (JsonNode f : v.path("keyFigures")) {
                h.append("<tr><th>").append(esc(f.path("name").asText())).append("</th><td class=\"num\">")
                        .append(esc(f.path("value").asText())).append("</td></tr>");
            }
            h.append("</table>");
        }

        if (v.path("monthly").size() > 0) {
            h.append("<h2>Kwoty do wypłaty</h2><table><tr><th>Miesiąc</th><th>Składnik</th><th>Osoba</th><th class=\"num\">Kwota</th></tr>");
            for (JsonNode m : v.path("monthly")) {
                for (JsonNode i : m.path("items")) {
                    h.append("<tr><td>").append(esc(m.path("month").asText())).append("</td><td>")
                            .append(esc(i.path("component").asText())).append("</td><td>")
                            .append(esc(i.path("person").asText()))
                            .append("</td><td class=\"num\">").append(esc(i.path("amount").asText())).append("</td></tr>");
                }
            }
            h.append("<tr><th colspan=\"3\">Razem</th><th class=\"num\">").append(esc(v.path("total").asText()))
                    .append("</th></tr></table>");
        }

        h.append("<h2>Uzasadnienie</h2><ol>");
        for (JsonNode s : v.path("steps")) {
            h.append("<li><p>").append(esc(s.path("text").asText())).append("</p>");
            if (!s.path("citation").isNull() && !s.path("citation").asText().isEmpty()) {
                h.append("<p class=\"cite\">Podstawa prawna: ").append(esc(s.path("citation").asText())).append("</p>");
            }
            if (s.path("parameters").size() > 0) {
                h.append("<p class=\"small\">Zastosowane wartości: ");
                boolean first = true;
                for (JsonNode p : s.path("parameters")) {
                    h.append(first ? "" : "; ").append(esc(p.asText()));
                    first = false;
                }
                h.append("</p>");
            }
            h.append("</li>");
        }
        h.append("</ol><p class=\"small\">Dokument wygenerowany z zapisanej decyzji; wersja silnika ")
                .append(esc(d.path("engineVersion").asText())).append(".</p></body></html>");
        return h.toString();
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
