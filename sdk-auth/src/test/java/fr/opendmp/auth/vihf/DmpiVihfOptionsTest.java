package fr.opendmp.auth.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The DMPi VIHF strategies: defaults and builder rules. */
class DmpiVihfOptionsTest {

    @Test
    void defaults() {
        DmpiVihfOptions o = DmpiVihfOptions.DEFAULTS;
        assertThat(o.authModeAttributeName().attribute()).isEqualTo("Authentification_mode");
        assertThat(o.signatureAlgorithm()).isEqualTo(DmpiVihfOptions.VihfSignatureAlgorithm.RSA_SHA256);
        assertThat(o.directSigning()).isEqualTo(DmpiVihfOptions.DirectVihfSigning.UNSIGNED);
        assertThat(o.breakGlassReason()).isEqualTo(DmpiVihfOptions.BreakGlassReasonPlacement.ATTRIBUTE);
        assertThat(o.secretConnection().attribute())
                .isEqualTo("urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code");
        assertThat(o.indirectAuthnContext()).isEqualTo(VihfAttributes.AC_PASSWORD);
        assertThat(o.airAuthnContextDecl()).isEqualTo("CONF_EXI_PGSSIS");
        assertThat(o.reuse()).isEqualTo(DmpiVihfOptions.VihfReuse.PER_CALL);
    }

    @Test
    void aSettingGivenTwiceIsRefused() {
        DmpiVihfOptions.Builder b = DmpiVihfOptions.builder().directSigning(DmpiVihfOptions.DirectVihfSigning.CARD_SIGNATURE_KEY);
        assertThatThrownBy(() -> b.directSigning(DmpiVihfOptions.DirectVihfSigning.UNSIGNED))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DmpiVihfOptions.VihfReuse.cache(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DmpiVihfOptions.builder().secretConnection(DmpiVihfOptions.SecretConnectionAttribute.CONFIDENTIALITY_CODE)
                .reuse(DmpiVihfOptions.VihfReuse.cache(Duration.ofMinutes(2))).build().reuse().maxAge())
                .contains(Duration.ofMinutes(2));
    }
}
