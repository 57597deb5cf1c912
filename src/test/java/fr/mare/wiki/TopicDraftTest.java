package fr.mare.wiki;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicDraftTest {

    @Test
    void theDraftQuotesTheQuestionKeepsTheSolutionAndCreditsBothWithALinkBack() {
        String body = TopicDraft.body("Photos [fête] *2026*", "/t/12/photos-fete-2026", "camille",
                "Comment recevoir les photos ?\n\nMerci !", "karim", "Un lien de **dépôt**.");
        assertTrue(body.contains("> Comment recevoir les photos ?\n> \n> Merci !"), body);
        assertTrue(body.contains("Un lien de **dépôt**."), body);
        assertTrue(body.contains("[« Photos \\[fête\\] \\*2026\\* »](/t/12/photos-fete-2026)"), "title escaped, link back: " + body);
        assertTrue(body.contains("@camille et @karim"), body);
    }

    @Test
    void anAuthorWhoAnsweredThemselvesIsCreditedOnce() {
        String body = TopicDraft.body("Une question", "/t/1/une-question", "anais", "Q", "anais", "R");
        assertTrue(body.contains("contributions de @anais.*"), body);
    }
}
