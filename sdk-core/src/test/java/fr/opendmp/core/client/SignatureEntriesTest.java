package fr.opendmp.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.document.ContentHash;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.document.TypeClassTable;
import fr.opendmp.core.document.ValueSetCheck;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentPage;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.search.SignatureEntries;
import fr.opendmp.core.transport.DmpOperations;
import fr.opendmp.core.transport.DmpTransport;
import fr.opendmp.core.transport.MetadataUpdate;
import fr.opendmp.core.transport.TransportPage;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The client hides signature entries itself, whatever transport listed them: every page, the
 * stream, the record view; a signature entry asked for by its uniqueId is still given. The transport
 * here is a stub answering three pages: [document 1, signature 1], [signature 2], [document 2].
 */
class SignatureEntriesTest {

    static final Ins INS = TestIdentities.INS;
    static final byte[] CONTENT = "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8);
    static final DocumentEntry DOC1 = entry("1.2.250.1.999.42.1", false);
    static final DocumentEntry SIG1 = entry("1.2.250.1.999.42.2", true);
    static final DocumentEntry SIG2 = entry("1.2.250.1.999.42.3", true);
    static final DocumentEntry DOC2 = entry("1.2.250.1.999.42.4", false);

    static DocumentEntry entry(String uniqueId, boolean signature) {
        OffsetDateTime t = OffsetDateTime.parse("2026-06-12T10:00:00+02:00");
        DocumentMetadata.Builder m = DocumentMetadata.builder().uniqueId(uniqueId).title("t")
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t).author(Author.of("810001234567"));
        if (signature) {
            m.type(Code.of(CodeSystems.TRE_A12, "E1762", "Full Document")).classCode(TypeClassTable.SIGNATURE)
                    .format(Code.of(CodeSystems.TRE_A10, "http://www.w3.org/2000/09/xmldsig#"))
                    .contentType("text/xml").valueSetCheck(ValueSetCheck.LENIENT); // as a service lists it
        } else {
            m.type(DocumentType.CR_CONSULTATION);
        }
        return new DocumentEntry(new DocumentId("e-" + uniqueId, uniqueId), Optional.empty(), m.build(),
                DocumentStatus.CURRENT, false, "Binary/" + uniqueId, Optional.of((long) CONTENT.length),
                Optional.of(ContentHash.sha1Base64(CONTENT)), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Three pages; every uniqueId found; every content the same bytes. */
    static final class ThreePages implements DmpOperations {
        static final Map<String, TransportPage> PAGES = Map.of(
                "p2", new TransportPage(List.of(SIG2), Optional.of(4), Optional.of("p3"), List.of()),
                "p3", new TransportPage(List.of(DOC2), Optional.of(4), Optional.empty(), List.of()));

        @Override
        public AccessStatus access(Ins ins, Caller caller) {
            return AccessStatus.none(caller.access().mode());
        }

        @Override
        public DepositReceipt depositOnce(Deposit deposit, Optional<DocumentId> replaces, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TransportPage search(Ins ins, DocumentQuery query, Caller caller) {
            return new TransportPage(List.of(DOC1, SIG1), Optional.of(4), Optional.of("p2"), List.of());
        }

        @Override
        public TransportPage page(Ins ins, String next, Caller caller) {
            return PAGES.get(next);
        }

        @Override
        public Optional<DocumentEntry> findByUniqueId(Ins ins, String uniqueId, Caller caller) {
            return List.of(DOC1, SIG1, SIG2, DOC2).stream().filter(e -> e.uniqueId().equals(uniqueId)).findFirst();
        }

        @Override
        public RetrievedDocument retrieve(DocumentEntry entry, Caller caller) {
            return new RetrievedDocument(entry, entry.metadata().contentType(), CONTENT);
        }

        @Override
        public DocumentEntry update(DocumentEntry entry, MetadataUpdate update, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    static DmpClient client() {
        DmpTransport stub = new DmpTransport() {
            @Override
            public String name() {
                return "stub";
            }

            @Override
            public DmpOperations open(fr.opendmp.core.transport.TransportContext context) {
                return new ThreePages();
            }
        };
        return DmpClient.builder().transport(stub).credentials(CredentialsProvider.none())
                .software("OpenDMP-tests", "1.0", "TEST-HOMOLOG").build();
    }

    @Test
    void everyPageDropsTheSignatureEntriesByDefaultAndAPageOfSignaturesOnlyComesBackEmptyWithItsNextLink() {
        try (DmpClient dmp = client()) {
            DocumentPage p1 = dmp.documents().search(INS, DocumentQuery.builder().build());
            assertThat(p1.entries()).containsExactly(DOC1.withPatient(INS));
            assertThat(p1.total()).as("the service's count").contains(4);
            DocumentPage p2 = p1.next();
            assertThat(p2.entries()).isEmpty();
            assertThat(p2.hasNext()).isTrue();
            assertThat(p2.next().entries()).containsExactly(DOC2.withPatient(INS));
        }
    }

    @Test
    void theStreamAndSearchAllHideSignatureEntriesOnEveryPage() {
        try (DmpClient dmp = client()) {
            assertThat(dmp.documents().searchAll(INS, DocumentQuery.builder().build()))
                    .extracting(DocumentEntry::uniqueId).containsExactly(DOC1.uniqueId(), DOC2.uniqueId());
            assertThat(dmp.documents().stream(INS, DocumentQuery.builder().build()))
                    .noneMatch(DocumentEntry::isSignature).hasSize(2);
        }
    }

    @Test
    void aQueryThatShowsSignatureEntriesListsThemOnEveryPageInTheServicesOrder() {
        try (DmpClient dmp = client()) {
            assertThat(dmp.documents().searchAll(INS, DocumentQuery.builder()
                    .signatureEntries(SignatureEntries.SHOW).build()))
                    .extracting(DocumentEntry::uniqueId, DocumentEntry::isSignature).containsExactly(
                            org.assertj.core.api.Assertions.tuple(DOC1.uniqueId(), false),
                            org.assertj.core.api.Assertions.tuple(SIG1.uniqueId(), true),
                            org.assertj.core.api.Assertions.tuple(SIG2.uniqueId(), true),
                            org.assertj.core.api.Assertions.tuple(DOC2.uniqueId(), false));
        }
    }

    @Test
    void theRecordViewListsNoSignatureEntryUnlessItsQueryShowsThem() {
        try (DmpClient dmp = client()) {
            PatientRecord record = dmp.as(Caller.provider()).openRecord(INS,
                    RecordOptions.builder().prefetch(0).build());
            assertThat(record.documents()).extracting(DocumentEntry::uniqueId)
                    .containsExactlyInAnyOrder(DOC1.uniqueId(), DOC2.uniqueId());
            assertThat(record.byClassAndType()).doesNotContainKey(TypeClassTable.SIGNATURE);
            PatientRecord all = dmp.as(Caller.provider()).openRecord(INS, RecordOptions.builder().prefetch(0)
                    .query(DocumentQuery.builder().signatureEntries(SignatureEntries.SHOW).build()).build());
            assertThat(all.documents()).filteredOn(DocumentEntry::isSignature).hasSize(2);
        }
    }

    @Test
    void aSignatureEntryAskedForByItsUniqueIdIsFoundAndItsContentRetrieved() {
        try (DmpClient dmp = client()) {
            DocumentEntry sig = dmp.documents().findByUniqueId(INS, SIG1.uniqueId()).orElseThrow();
            assertThat(sig.isSignature()).isTrue();
            assertThat(dmp.documents().retrieve(sig).bytes()).isEqualTo(CONTENT);
        }
    }

    @Test
    void aSignatureEntryIsRecognisedByItsClassCodeWhateverTheSystemsSpelling() {
        for (String system : List.of("URN", "urn:ietf:rfc:3986", CodeSystems.TRE_A10)) {
            DocumentEntry e = SIG1;
            DocumentMetadata m = e.metadata();
            DocumentEntry respelled = new DocumentEntry(e.id(), e.logicalId(), new DocumentMetadata(m.uniqueId(),
                    m.type(), Code.of(system, TypeClassTable.SIGNATURE.code()), m.format(), m.facilityType(),
                    m.practiceSetting(), m.title(), m.contentType(), m.language(), m.creationTime(), m.serviceStart(),
                    m.serviceEnd(), m.authors(), m.legalAuthenticator(), m.confidentiality(), m.visibility(),
                    m.description(), m.events()), e.status(), e.archived(), e.url(), e.size(), e.hash(),
                    e.versionId(), e.lastUpdated(), e.patient());
            assertThat(respelled.isSignature()).as(system).isTrue();
        }
        assertThat(DOC1.isSignature()).isFalse();
    }
}
