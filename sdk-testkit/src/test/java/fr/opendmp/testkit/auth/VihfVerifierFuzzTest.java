package fr.opendmp.testkit.auth;

import fr.opendmp.auth.vihf.VihfBuilder;
import fr.opendmp.auth.vihf.VihfSigner;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.fuzz.Fuzz;
import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Verdict;
import fr.opendmp.core.party.Organization;
import fr.opendmp.testkit.ca.MutableClock;
import fr.opendmp.testkit.ca.TestCa;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile VIHF (issue 19): the test kit's verifier answers any assertion bytes with a verification
 * (accepted or refused with a failure code) in bounded time, never an exception, and a refusal's
 * message never quotes the patient or the professional.
 */
class VihfVerifierFuzzTest {

    private static VihfVerifier verifier;
    private static byte[] signed;

    @BeforeAll
    static void sign() {
        TestCa ca = TestCa.create("OpenDMP TEST IGC Santé");
        MutableClock clock = MutableClock.now();
        verifier = VihfVerifier.builder().trust(ca).clock(clock).build();
        signed = new VihfSigner(ca.structureSign(VihfVerifierTest.STRUCTURE, "Centre Hospitalier de Test")
                .keyMaterial()).sign(VihfBuilder.create().professional(VihfVerifierTest.DOCTOR)
                        .structure(Organization.of(VihfVerifierTest.STRUCTURE)
                                .withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07")))
                        .software(VihfVerifierTest.LPS).patient(VihfVerifierTest.PATIENT)
                        .access(AccessContext.normal()).clock(clock).build()).xml();
    }

    @Test
    void aHostileAssertionIsAcceptedOrRefusedNeverThrown() {
        Fuzz.theory().forAll(HostileInputs.xmlAround(signed)).checkAssert(xml -> Verdict.typedOrSuccess("VIHF",
                () -> verifier.verify(xml, Optional.empty(),
                        Optional.of("279119913400976^^^&1.2.250.1.213.1.4.10&ISO^NH"))));
    }
}
