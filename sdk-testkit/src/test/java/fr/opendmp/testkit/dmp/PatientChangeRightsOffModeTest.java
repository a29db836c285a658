package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.testkit.junit.FakeDmpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 1, the patient's side (patient callers exist only in OFF mode): the patient may mask a
 * document from professionals, cannot change its status, and cannot see, hence cannot unhide, a document
 * invisible to him (404).
 */
// identity is not what this test checks: visibility changes in place keep one id
@FakeDmpTest(auth = AuthMode.OFF, metadataVersionIdentity = MetadataVersionIdentity.KEEP_ID)
class PatientChangeRightsOffModeTest {
    private static final FakeProfessional PATIENT = FakeProfessional.builder(INS).profession("PATIENT").specialty("")
            .build();
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        http = new RawHttp(fake);
    }

    private String deposit(int n) {
        var r = http.postJson("", Docs.bundle(INS, Docs.uniqueId(n)).toString());
        assertThat(r.status()).isEqualTo(200);
        return r.json().path("entry").path(1).path("response").path("location").asText().split("/")[1];
    }

    @Test
    void thePatientMayMaskButNotChangeStatusNorUnhideWhatIsInvisibleToHim() {
        RawHttp patient = http.as(PATIENT, INS, AccessContext.normal());
        String a = deposit(1);
        assertThat(patient.patchJson("DocumentReference/" + a, DocumentAccessRulesTest.State.MASKED.patch).status())
                .isEqualTo(200);
        var status = patient.patchJson("DocumentReference/" + a,
                "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"superseded\"}]");
        assertThat(status.status()).isEqualTo(403);
        assertThat(status.rule()).isEqualTo("NOT_AUTHOR");
        String b = deposit(2);
        assertThat(http.patchJson("DocumentReference/" + b, DocumentAccessRulesTest.State.INVISIBLE_TO_PATIENT.patch)
                .status()).isEqualTo(200);
        var unhide = patient.patchJson("DocumentReference/" + b, "[{\"op\":\"remove\",\"path\":\"/securityLabel/1\"}]");
        assertThat(unhide.status()).isEqualTo(404);
        assertThat(patient.get("DocumentReference/" + b).status()).isEqualTo(404);
    }
}
