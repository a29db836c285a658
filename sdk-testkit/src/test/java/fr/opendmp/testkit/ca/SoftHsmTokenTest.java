package fr.opendmp.testkit.ca;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.code.Code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.keys.KeyMaterialException;
import fr.opendmp.auth.keys.KeyMaterials;
import fr.opendmp.auth.keys.SunPkcs11Token;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.party.Professional;
import fr.opendmp.auth.vihf.SignedVihf;
import fr.opendmp.auth.vihf.Software;
import fr.opendmp.core.party.Organization;
import fr.opendmp.auth.vihf.VihfBuilder;
import fr.opendmp.auth.vihf.VihfSigner;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.testkit.auth.VihfVerification;
import fr.opendmp.testkit.auth.VihfVerifier;
import java.util.List;
import java.security.cert.Certificate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real SunPKCS11 path against SoftHSM, only where SoftHSM is installed (never required by CI).
 * It creates a throw-away token in SoftHSM's default token directory and deletes it afterwards.
 */
class SoftHsmTokenTest {

    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final Path UTIL = Path.of("/usr/bin/softhsm2-util");
    static final char[] PIN = "4321".toCharArray();
    static String label;
    static long slot;

    @BeforeAll
    static void createToken() throws Exception {
        assumeTrue(Files.isReadable(LIBRARY) && Files.isExecutable(UTIL), "SoftHSM is not installed");
        label = "opendmp-" + UUID.randomUUID().toString().substring(0, 8);
        String output = run(UTIL.toString(), "--init-token", "--free", "--label", label, "--pin", new String(PIN),
                "--so-pin", "87654321");
        Matcher matcher = Pattern.compile("slot (\\d+)").matcher(output);
        assumeTrue(matcher.find(), "SoftHSM could not create a token here");
        slot = Long.parseLong(matcher.group(1));
    }

    @AfterAll
    static void deleteToken() throws Exception {
        if (label != null) {
            run(UTIL.toString(), "--delete-token", "--token", label);
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor(20, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void keyStoredOnTheTokenSignsWithoutLeavingIt() throws Exception {
        TestCa ca = TestCa.create("OpenDMP TEST IGC Santé");
        IssuedCertificate card = ca.professional("899700366240", "TEST", "Paul");
        SunPkcs11Token token = new SunPkcs11Token("SoftHsm" + slot, LIBRARY, OptionalLong.of(slot));
        KeyStore store = token.login(PIN);
        store.setKeyEntry("auth", card.privateKey(), PIN, card.chain().toArray(Certificate[]::new));

        KeyMaterial key = KeyMaterials.fromPkcs11(token, PIN, Optional.of("auth"));

        assertThat(key.certificate()).isEqualTo(card.certificate());
        assertThat(key.provider()).isPresent();
        SignedVihf vihf = new VihfSigner(key).sign(VihfBuilder.create()
                .professional(Professional.of("899700366240", "Paul", "TEST").withProfession(Code.of(CodeSystems.TRE_G15, "10", "Médecin"))
                .withSpecialty(Code.of(CodeSystems.TRE_R38, "SM26", "MG")))
                .structure(Organization.of("10B0167011").withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07")))
                .software(new Software("OpenDMP", "1.0", "KIR-1", Optional.empty()))
                .patient(Ins.of(InsMatricule.parse("279119913400976"), InsOid.NIR_TEST))
                .mode(AuthenticationMode.DIRECTE).build());
        VihfVerification result = VihfVerifier.builder().trust(ca).build()
                .verify(vihf.xml(), Optional.of(card.certificate()), Optional.empty());
        assertThat(result.accepted()).as(result.toString()).isTrue();
    }

    @Test
    void wrongPinIsRefusedAsAWrongPassword() {
        SunPkcs11Token token = new SunPkcs11Token("SoftHsmBad" + slot, LIBRARY, OptionalLong.of(slot));

        assertThatThrownBy(() -> token.login("0000".toCharArray()))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.reason()).isEqualTo(KeyMaterialException.Reason.WRONG_PASSWORD);
                    assertThat(e.getMessage()).doesNotContain("0000");
                });
    }
}
