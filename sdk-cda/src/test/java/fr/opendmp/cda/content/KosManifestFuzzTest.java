package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.cda.content.KosManifestTest.Dicom;
import fr.opendmp.core.fuzz.Fuzz;
import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Sentinels;
import fr.opendmp.core.fuzz.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile KOS manifests (DICOM Part 10): the reader gives a manifest (what it could read, and an
 * {@link Unreadable} for the rest) or a {@link ContentKindException} in bounded time, and neither
 * quotes the patient module the file carries.
 */
class KosManifestFuzzTest {

    /** The patient of the vectors: the ANS examples' identity, so that the sentinels catch a quote. */
    private static final String NAME = "PAT-TROIS^DOMINIQUE MARIE-LOUISE";
    private static final String INS = "279035121518922";
    private static final String BIRTH_DATE = "19790328";

    /** Bytes a DICOM reader acts on: lengths, item and delimiter tags, long VRs, the evidence tag. */
    private static final List<byte[]> DICOM_FRAGMENTS = List.of(Dicom.u32(0xFFFFFFFFL), Dicom.u32(0x7FFFFFFFL),
            Dicom.u32(0x80000000L), Dicom.u32(0xFFFFFFFEL), Dicom.tag(0xFFFEE000), Dicom.tag(0xFFFEE00D),
            Dicom.tag(0xFFFEE0DD), Dicom.cat(Dicom.tag(0xFFFEE000), Dicom.u32(0xFFFFFFFFL)),
            ascii("SQ\0\0"), ascii("UN\0\0"), ascii("OB\0\0"), ascii("UI"), Dicom.tag(0x0040A375),
            Dicom.cat(Dicom.tag(0x0040A375), ascii("SQ\0\0"), Dicom.u32(0xFFFFFFFFL)), Dicom.tag(0x00020010),
            ascii("DICM"), new byte[] {0}, new byte[] {(byte) 0xFF});

    static byte[] vector(boolean explicit) {
        Dicom d = new Dicom(explicit);
        return d.kos(Dicom.cat(d.text(0x00100010, "PN", NAME), d.text(0x00100020, "LO", INS),
                d.text(0x00100030, "DA", BIRTH_DATE)));
    }

    /** The explicit and the implicit VR vector, each as likely, mutated; and sequences nested 20,000 deep. */
    private static Gen<byte[]> manifests() {
        Gen<byte[]> mutated = HostileInputs.oneOf(List.of(HostileInputs.bytesAround(vector(true), DICOM_FRAGMENTS),
                HostileInputs.bytesAround(vector(false), DICOM_FRAGMENTS)));
        return Generate.frequency(List.of(Pair.of(19, mutated), Pair.of(1, Generate.pick(List.of(deep(true),
                deep(false))))));
    }

    private static byte[] deep(boolean undefinedLengths) {
        Dicom d = new Dicom(true);
        byte[] open = undefinedLengths ? Dicom.cat(Dicom.tag(0x0040A375), ascii("SQ\0\0"), Dicom.u32(0xFFFFFFFFL),
                Dicom.tag(0xFFFEE000), Dicom.u32(0xFFFFFFFFL)) : Dicom.cat(Dicom.tag(0x0040A375), ascii("SQ\0\0"),
                Dicom.u32(0x7FFFFFF0L), Dicom.tag(0xFFFEE000), Dicom.u32(0x7FFFFFF0L));
        byte[] body = new byte[open.length * HostileInputs.DEEP];
        for (int i = 0; i < HostileInputs.DEEP; i++) {
            System.arraycopy(open, 0, body, i * open.length, open.length);
        }
        return d.file(body);
    }

    @Test
    void aHostileKosManifestIsReadOrRefusedWithATypedErrorNeverQuotingThePatient() {
        Fuzz.theory().forAll(manifests()).checkAssert(dicom -> {
            boolean read = Verdict.typedOrSuccess("KosManifest.read", () -> KosManifest.read(dicom),
                    ContentKindException.class).isEmpty();
            if (read) {
                KosManifest kos = KosManifest.read(dicom);
                assertThat(Sentinels.foundIn(kos.unreadable() + " " + kos.studies()))
                        .as("what the reader reports of a hostile manifest").isEmpty();
            }
        });
    }

    @Test
    void theVectorsAreReadWholeSoTheMutationsStartFromARealManifest() {
        for (boolean explicit : new boolean[] {true, false}) {
            KosManifest kos = KosManifest.read(vector(explicit));
            assertThat(kos.unreadable()).isEmpty();
            assertThat(kos.studies()).singleElement().satisfies(s -> assertThat(s.series()).hasSize(2));
        }
    }

    @Test
    void aManifestOneBytePastTheLimitIsATypedError() {
        byte[] vector = vector(true);
        byte[] tooLarge = Arrays.copyOf(vector, KosManifest.MAX_BYTES + 1);
        assertThat(Verdict.typedOrSuccess("past the limit", () -> KosManifest.read(tooLarge),
                ContentKindException.class)).isPresent();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
