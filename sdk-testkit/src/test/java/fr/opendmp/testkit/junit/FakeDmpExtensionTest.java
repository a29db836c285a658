package fr.opendmp.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.Validation;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.testkit.dmp.AuthMode;
import org.junit.jupiter.api.TestMethodOrder;

/** The extension injects one started fake per class and resets it between tests. */
@FakeDmpTest(validation = Validation.LENIENT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeDmpExtensionTest {
    private static FakeDmp first;

    @Test
    @Order(1)
    void injectsAStartedLenientFake(FakeDmp dmp) {
        first = dmp;
        assertThat(dmp.validation()).isEqualTo(Validation.LENIENT);
        assertThat(dmp.baseUri().toString()).endsWith("/fhir");
        dmp.seedPatient(FakePatient.withoutDmp("279119913400976"));
        dmp.authorize("279119913400976", "899700000001");
        assertThat(dmp.history()).isEmpty();
    }

    @Test
    @Order(2)
    void sameFakeIsResetBeforeTheNextTest(FakeDmp dmp) {
        assertThat(dmp).isSameAs(first);
        assertThat(dmp.auth()).as("VERIFY by default").isEqualTo(AuthMode.VERIFY);
        assertThat(dmp.documentCount()).isZero();
        assertThat(dmp.history()).isEmpty();
    }

    @Test
    @Order(3)
    void aCredentialsParameterGetsTheFakesVerifiedCredentialsOfItsDefaultProfessional(FakeDmp dmp,
            CredentialsProvider credentials) {
        assertThat(credentials).isSameAs(dmp.credentials());
        assertThat(credentials.sslContext()).isPresent();
        assertThat(credentials.headers(CredentialRequest.dmp(Ins.nir("279119913400976"), AccessContext.normal()))
                .get("Authorization")).singleElement().satisfies(h -> assertThat(h).startsWith("IHE-SAML "));
    }
}
