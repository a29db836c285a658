package fr.opendmp.core.transport.internal.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.ValueSetCheck;
import java.time.OffsetDateTime;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the writer puts in the contained Practitioner and PractitionerRole comes back in the Author. */
class AuthorReadBackTest {

    @Test
    void anAuthorWithRoleReadsBackWithTheNamesOfItsPractitioner() {
        Author author = Author.of(Professional.of("810001234567", "Claire", "MARTIN")
                .withSpecialty(Code.of("urn:oid:1.2.250.1.213.1.1.4.5", "G15_10/SM26", "Médecine générale"))
                .withOrganization(Organization.of("1750000000", "Cabinet")));
        OffsetDateTime t = OffsetDateTime.parse("2026-06-12T10:00:00+02:00");
        DocumentMetadata m = DocumentMetadata.builder().valueSetCheck(ValueSetCheck.LENIENT)
                .uniqueId("urn:oid:1.2.250.1.999.1.7")
                .type(Code.of(CodeSystems.LOINC, "11488-4", "Consult note"))
                .classCode(Code.of(CodeSystems.TRE_A03, "11", "Synthèse"))
                .format(Code.of(CodeSystems.IHE_FORMAT, "urn:ihe:iti:xds:2017:mimeTypeSufficient", "mimeType Sufficient"))
                .facilityType(Code.of("http://snomed.info/sct", "22232009", "Hospital"))
                .practiceSetting(Code.of("http://snomed.info/sct", "394802001", "General medicine"))
                .title("CR").contentType("application/xml").creationTime(t).serviceStart(t)
                .author(author).build();
        ObjectNode dr = DocumentReferenceWriter.write(new DocumentContent(m, AnsRequestVectorsTest.STUB),
                AnsRequestVectorsTest.INS, Optional.of("Binary/x"), Optional.empty(),
                DocumentReferenceWriter.Options.plain());
        dr.put("id", "x").put("status", "current");
        DocumentEntry entry = DocumentReferenceReader.read(dr);
        assertThat(entry.metadata().authors()).containsExactly(author);
    }
}
