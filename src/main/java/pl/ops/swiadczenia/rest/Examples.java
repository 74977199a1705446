package pl.ops.swiadczenia.rest;

/** OpenAPI examples (worked example W2 of the reference: "złotówka za złotówkę", 140,66 zł a month). */
final class Examples {
    private Examples() {
    }

    static final String DECISION_REQUEST = """
            {
              "benefit": "zasilek_rodzinny",
              "legalDate": "2016-01-01",
              "caseReference": "OPS/SR/2016/0042",
              "wniosek": {
                "dataZlozenia": "2016-01-04",
                "dochodRodzinyRokBazowy": 33696.00,
                "czlonkowieRodziny": [
                  { "id": "matka", "rola": "WNIOSKODAWCA", "dataUrodzenia": "1982-03-14" },
                  { "id": "ojciec", "rola": "MALZONEK", "dataUrodzenia": "1980-07-02" },
                  { "id": "dziecko1", "rola": "DZIECKO", "dataUrodzenia": "2007-05-20", "nauka": "SZKOLA", "rozpoczynaRokSzkolny": true },
                  { "id": "dziecko2", "rola": "DZIECKO", "dataUrodzenia": "2009-09-11", "nauka": "SZKOLA", "rozpoczynaRokSzkolny": true }
                ]
              }
            }
            """;

    static final String DECISION_RESPONSE = """
            {
              "id": "3f1c2a9e-5b7d-4c1e-9a2f-0d6b8e4a7c11",
              "createdAt": "2026-11-25T10:15:30.123456Z",
              "caseReference": "OPS/SR/2016/0042",
              "engineVersion": "ops-swiadczenia/0.1.0-SNAPSHOT drools/10.2.0",
              "benefit": "zasilek_rodzinny",
              "rulesetId": "zasilek_rodzinny/2016-01-01",
              "rulesetVersion": "2016-01-01",
              "rulesetSha256": "9c0e…",
              "legalDate": "2016-01-01",
              "outcome": "GRANTED",
              "amounts": {
                "currency": "PLN",
                "total": 1406.60,
                "monthly": [ { "month": "2016-01", "total": 140.66,
                  "items": [ { "component": "zasilek_rodzinny_z_dodatkami_zlotowka_za_zlotowke", "childId": null, "amount": 140.66 } ] } ],
                "components": [ { "component": "zasilek_rodzinny", "childId": "dziecko1", "months": 10, "monthlyFrom": 118.00, "monthlyTo": 118.00, "total": 1180.00 } ],
                "perChild": []
              },
              "keyFigures": { "dochodNaOsobe": 702.00, "kryteriumDochodowe": 674.00, "lacznaKwotaZasilkowZDodatkami": 252.66,
                              "przekroczenieKryteriumRodziny": 112.00, "kwotaPoObnizeniu": 140.66 },
              "explanation": [ { "seq": 7, "ruleId": "art5_ust1_kryterium_dochodowe_przekroczone",
                "textPl": "Dochód na osobę w rodzinie 702,00 zł przekracza kryterium 674,00 zł o 28,00 zł (art. 5 ust. 1); …",
                "textEn": "Income per person PLN 702.00 exceeds the criterion PLN 674.00 by PLN 28.00 (Article 5(1)); …",
                "values": { "dochodNaOsobe": 702.00, "kryteriumDochodowe": 674.00 },
                "legalBasis": { "actId": "usr", "article": "5", "paragraph": "1",
                  "text": "art. 5 ust. 1 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych (Dz.U. 2003 nr 228 poz. 2255, z późn. zm.)" },
                "parameters": [] } ],
              "firedRules": [ "art3_pkt10_okres_zasilkowy", "…", "art5_ust3a_przyznanie_zlotowka_za_zlotowke" ]
            }
            """;
}
