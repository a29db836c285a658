package fr.opendmp.core.client;

import fr.opendmp.core.error.*;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.InsOidPolicy;
import fr.opendmp.core.search.DocumentQuery;
import org.junit.jupiter.api.Test;

class DmpClientInsOidPolicyTest extends WireMockSupport {

    private static final Ins TEST_PATIENT = Ins.of(InsMatricule.parse("279119913400976"), InsOid.NIR_TEST);

    @Test
    void aProductionClientRefusesATestPatientBeforeAnyCallAndSaysHowToConfigureATestPlatform() {
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.access(TEST_PATIENT, AccessMode.NORMAL))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.side()).isEqualTo(DmpException.Side.CLIENT);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("NIR_TEST").doesNotContain(TEST_PATIENT.value());
                        assertThat(e.hint()).contains("insOidPolicy(InsOidPolicy.TEST)");
                    });
            assertThatThrownBy(() -> dmp.documents().search(TEST_PATIENT, DocumentQuery.builder().build()))
                    .isInstanceOf(InvalidInputException.class);
            Deposit deposit = Deposit.builder().patient(TestIdentities.qualified(TEST_PATIENT))
                    .document(metadata("urn:oid:1.2.250.1.999.7.1"), STUB_CDA).build();
            assertThatThrownBy(() -> dmp.documents().deposit(deposit)).isInstanceOf(InvalidInputException.class);
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aTestPlatformClientLetsTestPatientsThrough() {
        wm.stubFor(get(urlPathEqualTo("/fhir/Patient")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/fhir+json")
                .withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}")));
        try (DmpClient dmp = client(b -> b.insOidPolicy(InsOidPolicy.TEST))) {
            assertThat(dmp.access(TEST_PATIENT, AccessMode.NORMAL).canDeposit()).isFalse();
        }
        wm.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void thePolicyIsAPureRuleOnTheOid() {
        assertThat(InsOidPolicy.PRODUCTION.allows(TestIdentities.INS)).isTrue();
        assertThat(InsOidPolicy.PRODUCTION.allows(TEST_PATIENT)).isFalse();
        assertThat(InsOidPolicy.TEST.allows(TEST_PATIENT)).isTrue();
        assertThat(InsOidPolicy.TEST.isUnexpected(TestIdentities.INS)).isTrue();
        assertThat(InsOidPolicy.TEST.isUnexpected(TEST_PATIENT)).isFalse();
    }
}
