package fr.opendmp.cda.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.InstanceId;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class CdaReaderTest {

    static final List<String> VECTORS = Fixtures.VECTORS;

    @ParameterizedTest
    @FieldSource("VECTORS")
    void everyAnsVectorReadsWithHeaderPatientAndAuthor(String name) throws Exception {
        CdaDocument cda = CdaReader.read(Fixtures.vector(name));
        CdaHeader h = cda.header();
        assertThat(h.id()).isPresent();
        assertThat(h.code()).isPresent();
        assertThat(h.effectiveTime()).isPresent();
        assertThat(h.patient().flatMap(CdaPatient::ins)).contains(Fixtures.ins());
        assertThat(h.authors()).isNotEmpty();
        assertThat(h.hasTemplate("1.2.250.1.213.1.1.1.1")).isTrue();
    }

    @Test
    void vsmHeaderGivesTypeTraitsAndSections() throws Exception {
        CdaDocument cda = CdaReader.read(Fixtures.vector("VSM_1.4_2022.01.xml"));
        CdaHeader h = cda.header();
        assertThat(h.code().orElseThrow().code()).isEqualTo("SYNTH");
        assertThat(h.effectiveTime()).contains(OffsetDateTime.parse("2020-03-12T11:17:00+01:00"));
        CdaPatient p = h.patient().orElseThrow();
        assertThat(p.birthFamilyName()).contains("PAT-TROIS");
        assertThat(p.firstBirthGivenName()).contains("DOMINIQUE");
        assertThat(p.birthPlaceCode()).contains("51215");
        assertThat(p.localIds()).containsExactly(InstanceId.of("1.2.3.4.567.8.9.10", "1234567890121"));
        assertThat(p.toString()).doesNotContain("PAT-TROIS").doesNotContain("279035121518989");
        assertThat(cda.isStructured()).isTrue();
        assertThat(cda.sections()).extracting(s -> s.templateIds().get(0))
                .contains("1.2.250.1.213.1.1.2.29", "1.2.250.1.213.1.1.2.32");
    }

    @Test
    void replacementVectorExposesTheReplacedDocumentAndVersion() throws Exception {
        CdaHeader h = CdaReader.read(Fixtures.vector("CNAM-HR_2021.01_sans-info.xml")).header();
        assertThat(h.versionNumber()).contains(2);
        assertThat(h.replacedDocumentId()).contains(InstanceId.of("1.2.250.1.213.1.1.9", "10002-1"));
    }

    @Test
    void n1PdfIsExtractedAsAStream() throws Exception {
        CdaDocument cda = CdaReader.read(Fixtures.vector("DOC_NON_STRUCTURE_CDA-R2-N1.xml"));
        assertThat(cda.isN1()).isTrue();
        NonXmlBody body = cda.nonXmlBody().orElseThrow();
        assertThat(body.mediaType()).isEqualTo("application/pdf");
        try (InputStream in = body.openStream()) {
            byte[] pdf = in.readAllBytes();
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(new String(pdf, pdf.length - 16, 16, StandardCharsets.US_ASCII)).contains("%%EOF");
        }
    }

    @Test
    void doctypeIsRefusedEvenWithoutEntities() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument []>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>";
        assertRefused(xml, CdaParseException.Reason.DOCTYPE_FORBIDDEN);
    }

    @Test
    void externalEntityIsRefusedAndNeverResolved() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&x;</title></ClinicalDocument>";
        assertRefused(xml, CdaParseException.Reason.DOCTYPE_FORBIDDEN);
    }

    @Test
    void billionLaughsIsRefusedFast() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE d [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd + "]><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&l10;</title></ClinicalDocument>";
        long t0 = System.nanoTime();
        assertRefused(xml, CdaParseException.Reason.DOCTYPE_FORBIDDEN);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aStreamed200MegabyteBodyIsRefusedAsTooLargeWithoutReadingItAll() {
        long total = 200L * 1024 * 1024;
        InputStream head = new ByteArrayInputStream(
                "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>".getBytes(StandardCharsets.US_ASCII));
        CountingFiller filler = new CountingFiller(total);
        CdaReader reader = CdaReader.withMaxBytes(8L * 1024 * 1024);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> reader.parse(new SequenceInputStream(head, filler)))
                .isInstanceOfSatisfying(CdaParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaParseException.Reason.TOO_LARGE));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(filler.served).isLessThan(16L * 1024 * 1024);
    }

    @Test
    void deeplyNestedCdaIsRefusedWithTypedErrorInBoundedTime() {
        byte[] deep = Fixtures.vsmWithDeepTitle(10_000);
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> CdaReader.read(deep)).isInstanceOfSatisfying(CdaParseException.class, e -> {
            assertThat(e.reason()).isEqualTo(CdaParseException.Reason.TOO_DEEP);
            assertThat(e.getMessage()).contains("256").doesNotContain("content");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void fifteenThousandLevelsInAStreamAreRefusedAsTooDeepToo() {
        String doc = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">" + "<a>".repeat(15_000) + "</a>".repeat(15_000)
                + "</ClinicalDocument>";
        assertRefused(doc, CdaParseException.Reason.TOO_DEEP);
    }

    @Test
    void aCdaNestedUnderTheDepthLimitIsStillReadWithItsTitle() throws Exception {
        CdaDocument cda = CdaReader.read(Fixtures.vsmWithDeepTitle(200));
        assertThat(cda.header().title()).contains("x");

        assertThatThrownBy(() -> CdaReader.withLimits(CdaReader.DEFAULT_MAX_BYTES, 100)
                .parse(Fixtures.vsmWithDeepTitle(200))).isInstanceOfSatisfying(CdaParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaParseException.Reason.TOO_DEEP));
        assertThat(CdaReader.withLimits(CdaReader.DEFAULT_MAX_BYTES, 1000).parse(Fixtures.vsmWithDeepTitle(900))
                .header().title()).contains("x");
    }

    @Test
    void byteArrayOverTheLimitIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> CdaReader.withMaxBytes(10).parse(new byte[11]))
                .isInstanceOfSatisfying(CdaParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaParseException.Reason.TOO_LARGE));
    }

    @Test
    void otherXmlIsRefusedAsNotCdaAndGarbageAsMalformed() {
        assertRefused("<html/>", CdaParseException.Reason.NOT_CDA);
        assertRefused("<ClinicalDocument xmlns=\"urn:hl7-org:v3\">", CdaParseException.Reason.MALFORMED);
    }

    private static void assertRefused(String xml, CdaParseException.Reason reason) {
        assertThatThrownBy(() -> CdaReader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CdaParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).doesNotContain("passwd");
                });
    }

    /** Serves {@code total} bytes of 'a' without holding them. */
    private static final class CountingFiller extends InputStream {
        private final long total;
        long served;

        CountingFiller(long total) {
            this.total = total;
        }

        @Override
        public int read() {
            if (served >= total) {
                return -1;
            }
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - served);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            served += n;
            return n;
        }
    }
}
