package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The KOS manifest reader on manifests written here byte by byte (the ANS CDA examples hold no KOS):
 * explicit and implicit VR, defined and undefined lengths, and hostile files.
 */
class KosManifestTest {

    static final String STUDY = "1.2.250.1.999.7.1";
    static final String SERIES_1 = "1.2.250.1.999.7.1.1";
    static final String SERIES_2 = "1.2.250.1.999.7.1.2";
    static final String SOURCE = "1.2.250.1.999.99.3";
    static final String URL = "https://pacs.example.org/wado-rs/studies/1.2.250.1.999.7.1";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    /** A tiny DICOM Part 10 writer, little endian. */
    static final class Dicom {
        final boolean explicit;

        Dicom(boolean explicit) {
            this.explicit = explicit;
        }

        static byte[] cat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            return out.toByteArray();
        }

        static byte[] u16(int v) {
            return new byte[] {(byte) v, (byte) (v >> 8)};
        }

        static byte[] u32(long v) {
            return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        }

        static byte[] tag(int tag) {
            return cat(u16(tag >>> 16), u16(tag & 0xFFFF));
        }

        byte[] ui(int tag, String uid) {
            return text(tag, "UI", uid);
        }

        /** An element of a short VR (UI, PN, LO, DA…), its value padded to an even length. */
        byte[] text(int tag, String vr, String value) {
            byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
            if (v.length % 2 == 1) {
                v = Arrays.copyOf(v, v.length + 1);
            }
            return explicit || (tag >>> 16) == 2 ? cat(tag(tag), vr.getBytes(StandardCharsets.US_ASCII),
                    u16(v.length), v) : cat(tag(tag), u32(v.length), v);
        }

        byte[] ur(int tag, String url) {
            byte[] v = (url.length() % 2 == 1 ? url + " " : url).getBytes(StandardCharsets.US_ASCII);
            return explicit ? cat(tag(tag), "UR".getBytes(StandardCharsets.US_ASCII), u16(0), u32(v.length), v)
                    : cat(tag(tag), u32(v.length), v);
        }

        byte[] sq(int tag, boolean undefined, byte[]... items) {
            byte[] body = cat(items);
            byte[] head = explicit ? cat(tag(tag), "SQ".getBytes(StandardCharsets.US_ASCII), u16(0)) : tag(tag);
            return undefined ? cat(head, u32(0xFFFFFFFFL), body, tag(0xFFFEE0DD), u32(0))
                    : cat(head, u32(body.length), body);
        }

        static byte[] item(boolean undefined, byte[]... elements) {
            byte[] body = cat(elements);
            return undefined ? cat(tag(0xFFFEE000), u32(0xFFFFFFFFL), body, tag(0xFFFEE00D), u32(0))
                    : cat(tag(0xFFFEE000), u32(body.length), body);
        }

        byte[] file(byte[] dataset) {
            byte[] preamble = cat(new byte[128], "DICM".getBytes(StandardCharsets.US_ASCII));
            byte[] ts = new Dicom(true).ui(0x00020010, explicit ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2");
            return cat(preamble, ts, dataset);
        }

        /** A KOS: one study, two series (one with three instances, one with one), lengths mixed. */
        byte[] kos() {
            return kos(new byte[0]);
        }

        /** The same KOS, with the patient module's elements (0010,xxxx) in their place. */
        byte[] kos(byte[] patient) {
            byte[] series1 = item(true, ui(0x0020000E, SERIES_1), ui(0x0040E011, SOURCE),
                    ur(0x00081190, URL), sq(0x00081199, false,
                            item(false, ui(0x00081150, CT), ui(0x00081155, SERIES_1 + ".1")),
                            item(true, ui(0x00081150, CT), ui(0x00081155, SERIES_1 + ".2")),
                            item(false, ui(0x00081150, CT), ui(0x00081155, SERIES_1 + ".3"))));
            byte[] series2 = item(false, ui(0x0020000E, SERIES_2), ui(0x0040E011, SOURCE),
                    sq(0x00081199, true, item(false, ui(0x00081150, CT), ui(0x00081155, SERIES_2 + ".1"))));
            byte[] evidence = sq(0x0040A375, true, item(false, ui(0x0020000D, STUDY),
                    sq(0x00081115, false, series1, series2)));
            return file(cat(ui(0x00080016, "1.2.840.10008.5.1.4.1.1.88.59"), patient, ui(0x0020000D, STUDY),
                    evidence));
        }
    }

    @Test
    void readsStudySeriesInstancesAndTheSourceFromAnExplicitVrManifest() {
        assertStudy(KosManifest.read(new Dicom(true).kos()));
    }

    @Test
    void readsTheSameFromAnImplicitVrManifest() {
        assertStudy(KosManifest.read(new Dicom(false).kos()));
    }

    private static void assertStudy(KosManifest kos) {
        assertThat(kos.unreadable()).isEmpty();
        ImagingStudy study = kos.studies().get(0);
        assertThat(kos.studies()).hasSize(1);
        assertThat(study.studyUid()).isEqualTo(STUDY);
        assertThat(study.series()).extracting(ImagingStudy.Series::seriesUid).containsExactly(SERIES_1, SERIES_2);
        ImagingStudy.Series s1 = study.series().get(0);
        assertThat(s1.retrieveLocationUid()).contains(SOURCE);
        assertThat(s1.retrieveUrl()).contains(URL);
        assertThat(s1.instances()).extracting(ImagingStudy.Instance::sopInstanceUid)
                .containsExactly(SERIES_1 + ".1", SERIES_1 + ".2", SERIES_1 + ".3");
        assertThat(s1.instances().get(0).sopClass().orElseThrow().code()).isEqualTo(CT);
        assertThat(study.series().get(1).instances()).hasSize(1);
        assertThat(study.series().get(1).retrieveUrl()).isEmpty();
        assertThat(study.address()).contains(URL);
    }

    @Test
    void aTruncatedManifestKeepsWhatWasReadAndSaysWhere() {
        byte[] full = new Dicom(true).kos();

        KosManifest kos = KosManifest.read(Arrays.copyOf(full, full.length - 40));

        assertThat(kos.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.where()).isEqualTo("DICOM dataset");
            assertThat(u.why()).startsWith("truncated");
        });
    }

    @Test
    void aLengthPointingPastTheEndIsAFaultNotAnException() {
        Dicom d = new Dicom(true);
        byte[] lying = d.file(Dicom.cat(Dicom.tag(0x0040A375), "SQ".getBytes(StandardCharsets.US_ASCII),
                Dicom.u16(0), Dicom.u32(0x7FFFFFF0L)));

        KosManifest kos = KosManifest.read(lying);

        assertThat(kos.studies()).isEmpty();
        assertThat(kos.unreadable()).extracting(Unreadable::why).anyMatch(w -> w.startsWith("truncated"));
    }

    @Test
    void deepNestingIsRefusedAsAFault() {
        Dicom d = new Dicom(true);
        byte[] inner = d.ui(0x0020000D, STUDY);
        for (int i = 0; i < 40; i++) {
            inner = d.sq(0x0040A375, true, Dicom.item(true, inner));
        }

        KosManifest kos = KosManifest.read(d.file(inner));

        assertThat(kos.unreadable()).extracting(Unreadable::why).anyMatch(w -> w.contains("nested deeper"));
    }

    @Test
    void aManifestWithoutEvidenceSaysSo() {
        Dicom d = new Dicom(true);

        KosManifest kos = KosManifest.read(d.file(d.ui(0x0020000D, STUDY)));

        assertThat(kos.unreadable()).containsExactly(new Unreadable("(0040,A375)",
                "no Current Requested Procedure Evidence Sequence"));
    }

    @Test
    void notDicomOrAnotherTransferSyntaxIsATypedError() {
        assertThatThrownBy(() -> KosManifest.read(AnsExamples.bytes("VSM_1.4_2022.01.xml")))
                .isInstanceOf(ContentKindException.class).hasMessageContaining("DICM");
        byte[] bigEndian = Dicom.cat(new byte[128], "DICM".getBytes(StandardCharsets.US_ASCII),
                new Dicom(true).ui(0x00020010, "1.2.840.10008.1.2.2"));
        assertThatThrownBy(() -> KosManifest.read(bigEndian)).isInstanceOf(ContentKindException.class)
                .hasMessageContaining("1.2.840.10008.1.2.2");
    }

    @Test
    void aTransferSyntaxWhoseLengthRunsIntoThePatientModuleIsRefusedWithoutQuotingThePatient() {
        Dicom d = new Dicom(true);
        byte[] patient = Dicom.cat(d.text(0x00100010, "PN", "PAT-TROIS^DOMINIQUE"), d.text(0x00100030, "DA",
                "19790328"));
        byte[] syntax = "1.2.840.10008.1.2.1\0".getBytes(StandardCharsets.US_ASCII);
        byte[] lying = Dicom.cat(new byte[128], "DICM".getBytes(StandardCharsets.US_ASCII), Dicom.tag(0x00020010),
                "UI".getBytes(StandardCharsets.US_ASCII), Dicom.u16(syntax.length + patient.length), syntax, patient);

        assertThatThrownBy(() -> KosManifest.read(lying)).isInstanceOf(ContentKindException.class)
                .hasMessageContaining("(not a UID)").hasMessageNotContaining("TROIS")
                .hasMessageNotContaining("19790328");
    }

    @Test
    void toStringMasksUidsAndAddresses() {
        KosManifest kos = KosManifest.read(new Dicom(true).kos());
        String printed = kos + " " + kos.studies() + " " + kos.studies().get(0).series();

        assertThat(printed).doesNotContain("999.7").doesNotContain("pacs").contains("studies=1");
    }
}
