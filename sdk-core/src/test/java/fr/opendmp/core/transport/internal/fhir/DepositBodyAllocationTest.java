package fr.opendmp.core.transport.internal.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A large document crosses the ITI-65 writer without being copied or turned into a base64 string. */
class DepositBodyAllocationTest {

    private static final int SIZE = 4 << 20;

    @Test
    void writingTheBundleOfA4MibDocumentAllocatesLessThanThreeTimesItsSizeAndEncodesItExactly() throws Exception {
        byte[] document = new byte[SIZE];
        new Random(42).nextBytes(document);
        DocumentContent content = AnsRequestVectorsTest.consultNote("urn:oid:1.2.250.1.213.1.4.8.99999.9", "Big",
                "2026-06-12T10:00:00+02:00");
        Deposit deposit = Deposit.builder().patient(PatientIdentity.qualified(IdentityTraits.builder()
                        .birthName("TEST").birthFirstNames("ALICE").birthDate("1979-11-13").sex(Sex.F)
                        .birthPlaceCode("99134").build(), AnsRequestVectorsTest.INS))
                .document(content.metadata(), document).build();
        TransactionBundleWriter.Context context = new TransactionBundleWriter.Context("1.2.3.4.5.6.7.8",
                "urn:uuid:7c5ee6a4-0b53-4c4a-8a8b-9d1c2b3a4f50", OffsetDateTime.parse("2026-06-12T10:00:00+02:00"),
                Optional.empty(), DocumentReferenceWriter.Options.plain());
        FhirJson.bytes(TransactionBundleWriter.write(deposit, AnsRequestVectorsTest.INS, context)); // warm-up

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        byte[] body = FhirJson.bytes(TransactionBundleWriter.write(deposit, AnsRequestVectorsTest.INS, context));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // the body itself is 4/3 of the document; writing it costs the output buffer and its final copy
        assertThat(allocated).as("bytes allocated to write the bundle").isLessThan(3L * SIZE);
        JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        assertThat(sent.at("/entry/2/resource/data").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(document));
        assertThat(sent.at("/entry/1/resource/content/0/attachment/hash").asText())
                .isEqualTo(fr.opendmp.core.document.ContentHash.sha1Base64(document));
        assertThat(sent.at("/entry/1/resource/content/0/attachment/size").asInt()).isEqualTo(SIZE);
    }
}
