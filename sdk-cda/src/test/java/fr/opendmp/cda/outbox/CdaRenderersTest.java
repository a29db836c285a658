package fr.opendmp.cda.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.outbox.OutboxItem;
import fr.opendmp.core.outbox.OutboxState;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 19: a CDA queued without INS is built with the INS once the identity is qualified. */
class CdaRenderersTest {
    static final String UID = "urn:oid:1.2.250.1.999.1.1.19";

    static DocumentHeader.Builder headerWithoutPatient(OutboxItem item) {
        return DocumentHeader.builder().author(Fixtures.gp()).custodian(Fixtures.cabinet())
                .localPatientId(InstanceId.of("1.2.250.1.999.2", item.localPatientId()))
                .setId(InstanceId.of("1.2.250.1.999.1.1")).effectiveTime(Fixtures.CREATED)
                .documentType(Code.of(CodeSystems.LOINC, "11490-0", "Lettre de sortie"))
                .title("Lettre de sortie")
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"));
    }

    static OutboxItem queued(PatientIdentity identity) {
        DocumentMetadata m = DocumentMetadata.builder().uniqueId(UID).type(DocumentType.CR_CONSULTATION)
                .title("Lettre de sortie").facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(Fixtures.CREATED).serviceStart(Fixtures.CREATED)
                .author(Author.of(Fixtures.gp().idNat())).build();
        Instant t = Instant.parse("2026-06-12T08:00:00Z");
        return new OutboxItem(UID, "S1", "IPP-19", OutboxState.READY, Optional.empty(), Optional.empty(), identity, m,
                Fixtures.pdf(), Optional.of("cda-n1-pdf"), false, 1, t, t, t, Optional.empty(), Optional.empty(),
                Optional.empty(), 0L);
    }

    @Test
    void theQueuedPdfBecomesAnN1CdaWithTheQualifiedInsInItsHeaderAndTheItemsUniqueIdAsItsId() throws Exception {
        PatientIdentity provisional = PatientIdentity.provisional(Fixtures.traits());
        OutboxItem item = queued(provisional);

        DocumentContent rendered = CdaRenderers.n1Pdf(CdaRenderersTest::headerWithoutPatient)
                .render(item, Fixtures.qualified());

        assertThat(rendered.metadata().uniqueId()).isEqualTo(UID);
        assertThat(rendered.metadata().type().code()).as("derived from the header").isEqualTo("11490-0");
        CdaDocument cda = CdaReader.defaults().parse(rendered.bytes());
        assertThat(cda.header().id()).contains(InstanceId.of("1.2.250.1.999.1.1.19"));
        assertThat(cda.header().patient().orElseThrow().ins()).contains(Fixtures.ins());
    }

    @Test
    void renderingTwiceFromTheSameModelGivesTheSameBytes() {
        OutboxItem item = queued(PatientIdentity.provisional(Fixtures.traits()));
        var renderer = CdaRenderers.n1Pdf(CdaRenderersTest::headerWithoutPatient);
        assertThat(renderer.render(item, Fixtures.qualified()).bytes())
                .isEqualTo(renderer.render(item, Fixtures.qualified()).bytes());
    }
}
