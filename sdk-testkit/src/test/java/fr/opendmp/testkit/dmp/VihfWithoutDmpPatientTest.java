package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.testkit.junit.FakeDmpTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 3: a correctly signed VIHF issued for the INSi ({@code Ressource_URN} urn:insi, no
 * patient resource-id) opens no record: every DMP route answers 403 VIHF_NOT_FOR_DMP.
 */
@FakeDmpTest
class VihfWithoutDmpPatientTest {
    private FakeDmp dmp;
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        dmp = fake;
        http = new RawHttp(fake);
    }

    @Test
    void aSignedVihfIssuedForTheInsiCannotSearchReadRetrieveOrPatchAnyRecord() {
        var dep = http.postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString());
        assertThat(dep.status()).isEqualTo(200);
        String id = dep.json().path("entry").path(1).path("response").path("location").asText().split("/")[1];
        String binary = dep.json().path("entry").path(2).path("response").path("location").asText();
        String insiVihf = dmp.credentials().headers(CredentialRequest.insi()).get("Authorization").get(0);
        String xml = new String(Base64.getMimeDecoder().decode(insiVihf.substring(insiVihf.indexOf(' ') + 1)),
                StandardCharsets.UTF_8);
        assertThat(xml).as("a genuine INSi VIHF").contains("urn:insi").doesNotContain(INS);
        RawHttp insi = http.as(insiVihf);
        List<RawHttp.Response> all = List.of(insi.get(RawHttp.searchByPatient(INS)),
                insi.get("DocumentReference/" + id), insi.get(binary, "application/xml"),
                insi.patchJson("DocumentReference/" + id, DocumentAccessRulesTest.NO_OP),
                insi.get("Patient?identifier=" + RawHttp.enc(RawHttp.INS_SYSTEM + "|" + INS)),
                insi.postJson("", Docs.bundle(INS, Docs.uniqueId(2)).toString()));
        for (var r : all) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.rule()).isEqualTo("VIHF_NOT_FOR_DMP");
        }
        assertThat(dmp.documentCount()).isEqualTo(1);
        assertThat(http.as(FakeProfessional.doctor(Docs.AUTHOR), INS, AccessContext.normal())
                .get("DocumentReference/" + id).status()).as("a DMP VIHF naming the patient still reads it")
                .isEqualTo(200);
    }
}
