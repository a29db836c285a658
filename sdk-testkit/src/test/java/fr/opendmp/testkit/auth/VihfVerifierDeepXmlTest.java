package fr.opendmp.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.testkit.ca.MutableClock;
import fr.opendmp.testkit.ca.TestCa;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 22 item 9: deep XML in a VIHF is refused, it never overflows the verifier's stack. */
class VihfVerifierDeepXmlTest {

    static VihfVerifier verifier;

    @BeforeAll
    static void verifier() {
        verifier = VihfVerifier.builder().trust(TestCa.create("OpenDMP TEST IGC Santé")).clock(MutableClock.now())
                .build();
    }

    /** About 7 bytes a level: 15,000 levels stay under the verifier's 256 KB size limit. */
    static byte[] assertionNesting(int levels) {
        String xml = "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" Version=\"2.0\" ID=\"_a1\">"
                + "<x>".repeat(levels) + "</x>".repeat(levels) + "</saml:Assertion>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deeplyNestedVihfIsRefusedAsMalformedInsteadOfOverflowingTheStack() {
        long t0 = System.nanoTime();

        VihfVerification result = verifier.verify(assertionNesting(15_000));

        assertThat(result).isInstanceOfSatisfying(VihfVerification.Refused.class, r -> {
            assertThat(r.failure().code()).isEqualTo(VihfFailure.Code.VIHF_MALFORMED);
            assertThat(r.failure().message()).contains("deeper");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aShallowUnsignedAssertionStillGetsPastTheParserToTheSignatureCheck() {
        VihfVerification result = verifier.verify(assertionNesting(5));

        assertThat(result).isInstanceOfSatisfying(VihfVerification.Refused.class,
                r -> assertThat(r.failure().code()).isEqualTo(VihfFailure.Code.VIHF_SIGNATURE_INVALID));
    }
}
